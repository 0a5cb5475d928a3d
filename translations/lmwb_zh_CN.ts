<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>QObject</name>
    <message>
        <source>The tokenizer folder %1 is missing; train the tokenizer again.</source>
        <translation>分词器文件夹 %1 不存在，请重新训练分词器。</translation>
    </message>
    <message>
        <source>Cannot create the folder %1.</source>
        <translation>无法创建文件夹 %1。</translation>
    </message>
    <message>
        <source>Cannot copy %1 to %2.</source>
        <translation>无法将 %1 复制到 %2。</translation>
    </message>
</context>
<context>
    <name>lmwb::app::MainWindow</name>
    <message>
        <source>LM Workbench</source>
        <translation>语言模型工作台</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About LM Workbench</source>
        <translation>关于语言模型工作台(&amp;A)</translation>
    </message>
    <message>
        <source>Choose the workspace folder</source>
        <translation>选择工作区文件夹</translation>
    </message>
    <message>
        <source>About LM Workbench</source>
        <translation>关于语言模型工作台</translation>
    </message>
    <message>
        <source>Train</source>
        <translation>训练</translation>
    </message>
    <message>
        <source>Data &amp; Tokenizer</source>
        <translation>数据与分词器</translation>
    </message>
    <message>
        <source>See what the model sees: the files of a run, their encoding check and statistics, the train/validation split, a training batch rendered as tokens, and tokenizers compared side by side on your own text.</source>
        <translation>看看模型看到了什么：一个运行所用的文件、文件的编码检查与统计信息、训练/验证划分、以词元形式呈现的一个训练批次，以及在你自己的文本上并排比较的各种分词器。</translation>
    </message>
    <message>
        <source>Data &amp;&amp; Tokenizer</source>
        <translation>数据与分词器</translation>
    </message>
    <message>
        <source>Attention</source>
        <translation>注意力</translation>
    </message>
    <message>
        <source>Every layer and head of the model as heatmaps, live while it trains, and a slider through the run&apos;s checkpoints. Until then: lmwb attention CKPT --text TEXT --json.</source>
        <translation>以热力图展示模型的每一层、每个注意力头，训练时实时更新，还可以用滑块浏览该运行的各个检查点。在此功能推出之前，可使用命令：lmwb attention CKPT --text TEXT --json</translation>
    </message>
    <message>
        <source>Playground</source>
        <translation>演练场</translation>
    </message>
    <message>
        <source>Generate text with every sampling control and see the distribution behind each token. Until then: lmwb generate CKPT --prompt TEXT.</source>
        <translation>使用全部采样控制项生成文本，并查看每个词元背后的概率分布。在此功能推出之前，可使用命令：lmwb generate CKPT --prompt TEXT</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>运行列表</translation>
    </message>
    <message>
        <source>&amp;New Training Run…</source>
        <translation>新建训练运行(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Open Run…</source>
        <translation>打开运行(&amp;O)…</translation>
    </message>
    <message>
        <source>Recent &amp;Runs</source>
        <translation>最近的运行(&amp;R)</translation>
    </message>
    <message>
        <source>Choose &amp;Workspace…</source>
        <translation>选择工作区(&amp;W)…</translation>
    </message>
    <message>
        <source>Export Chart as &amp;PNG…</source>
        <translation>将图表导出为 PNG(&amp;P)…</translation>
    </message>
    <message>
        <source>Export chart</source>
        <translation>导出图表</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG 图像 (*.png)</translation>
    </message>
    <message>
        <source>Could not write %1.</source>
        <translation>无法写入 %1。</translation>
    </message>
    <message>
        <source>Export Metrics as &amp;CSV…</source>
        <translation>将指标导出为 CSV(&amp;C)…</translation>
    </message>
    <message>
        <source>Export metrics</source>
        <translation>导出指标</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation>运行(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>暂停(&amp;P)</translation>
    </message>
    <message>
        <source>Single S&amp;tep</source>
        <translation>单步(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation>停止(&amp;S)</translation>
    </message>
    <message>
        <source>Save Checkpoint &amp;Now</source>
        <translation>立即保存检查点(&amp;N)</translation>
    </message>
    <message>
        <source>Sa&amp;mple Now</source>
        <translation>立即采样(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Refresh Runs</source>
        <translation>刷新运行列表(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>关于 Qt(&amp;Q)</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>就绪</translation>
    </message>
    <message>
        <source>Checkpoint saved at step %1</source>
        <translation>已在第 %1 步保存检查点</translation>
    </message>
    <message>
        <source>Preparing %1…</source>
        <translation>正在准备 %1…</translation>
    </message>
    <message>
        <source>Training %1: step %2 of %3, loss %4</source>
        <translation>正在训练 %1：第 %2 步，共 %3 步，损失 %4</translation>
    </message>
    <message>
        <source>ETA %1</source>
        <translation>预计剩余 %1</translation>
    </message>
    <message>
        <source>&amp;Resume</source>
        <translation>继续(&amp;R)</translation>
    </message>
    <message>
        <source>Paused at step %1</source>
        <translation>已在第 %1 步暂停</translation>
    </message>
    <message>
        <source>Finished %1</source>
        <translation>%1 已完成</translation>
    </message>
    <message>
        <source>Stopped %1 at step %2</source>
        <translation>%1 已在第 %2 步停止</translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation>错误：%1</translation>
    </message>
    <message>
        <source>Open a run directory</source>
        <translation>打开运行目录</translation>
    </message>
    <message>
        <source>Open run</source>
        <translation>打开运行</translation>
    </message>
    <message>
        <source>%1 is not a run directory (it has no config.json).</source>
        <translation>%1 不是运行目录（其中没有 config.json）。</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>The new language takes effect when LM Workbench is restarted.</source>
        <translation>新语言将在重新启动语言模型工作台后生效。</translation>
    </message>
    <message>
        <source>&lt;h3&gt;LM Workbench %1&lt;/h3&gt;&lt;p&gt;Train small language models from scratch on your own computer and look inside them while they learn.&lt;/p&gt;&lt;p&gt;Built with Qt %2, LibTorch, QCustomPlot and sentencepiece. Licensed under the GNU GPL, version 3 or later.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;语言模型工作台 %1&lt;/h3&gt;&lt;p&gt;在你自己的电脑上从零训练小型语言模型，并在它学习时观察其内部。&lt;/p&gt;&lt;p&gt;基于 Qt %2、LibTorch、QCustomPlot 和 sentencepiece 构建。以 GNU GPL 第 3 版或更高版本授权。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Saving a checkpoint…</source>
        <translation>正在保存检查点…</translation>
    </message>
</context>
<context>
    <name>lmwb::app::Session</name>
    <message>
        <source>A run is already in progress; stop it first.</source>
        <translation>已有一个运行正在进行，请先停止它。</translation>
    </message>
    <message>
        <source>not measured while a run is training</source>
        <translation>训练进行中，不测量</translation>
    </message>
</context>
<context>
    <name>lmwb::widgets::LossChart</name>
    <message>
        <source>step</source>
        <translation>步</translation>
    </message>
    <message>
        <source>loss (nats/token)</source>
        <translation>损失（奈特/词元）</translation>
    </message>
    <message>
        <source>train loss (raw)</source>
        <translation>训练损失（原始）</translation>
    </message>
    <message>
        <source>train loss (smoothed)</source>
        <translation>训练损失（平滑）</translation>
    </message>
    <message>
        <source>val loss</source>
        <translation>验证损失</translation>
    </message>
    <message>
        <source>uniform guess: ln V = %1</source>
        <translation>均匀猜测：ln V = %1</translation>
    </message>
</context>
<context>
    <name>lmwb::widgets::LossPlot</name>
    <message>
        <source>step</source>
        <translation>步</translation>
    </message>
    <message>
        <source>loss (nats per token)</source>
        <translation>损失（奈特/词元）</translation>
    </message>
    <message>
        <source>train loss</source>
        <translation>训练损失</translation>
    </message>
    <message>
        <source>val loss</source>
        <translation>验证损失</translation>
    </message>
    <message>
        <source>uniform guess ln(V)</source>
        <translation>均匀猜测 ln(V)</translation>
    </message>
</context>
<context>
    <name>lmwb::widgets::RunBrowser</name>
    <message>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Best val loss</source>
        <translation>最佳验证损失</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>步数</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Every run under the workspace folder. Double-click to open one; select several and press Compare to overlay their loss curves.</source>
        <translation>工作区文件夹下的所有运行。双击打开一个；选择多个并点击“比较”可叠加它们的损失曲线。</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Show the selected run&apos;s curves, samples and configuration in the Train tab.</source>
        <translation>在“训练”标签页中显示所选运行的曲线、样本和配置。</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>重命名…</translation>
    </message>
    <message>
        <source>Rename the selected run&apos;s folder.</source>
        <translation>重命名所选运行的文件夹。</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>删除…</translation>
    </message>
    <message>
        <source>Delete the selected runs and all their checkpoints (asks first).</source>
        <translation>删除所选运行及其全部检查点（会先询问）。</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>比较</translation>
    </message>
    <message>
        <source>Overlay the loss curves of the selected runs on one chart.</source>
        <translation>把所选运行的损失曲线叠加在同一张图上。</translation>
    </message>
    <message numerus="yes">
        <source>%n run(s) in %1</source>
        <translation>
            <numerusform>%1 中有 %n 个运行</numerusform>
        </translation>
    </message>
    <message>
        <source>“%1” is not a valid folder name.</source>
        <translation>“%1”不是有效的文件夹名。</translation>
    </message>
    <message>
        <source>This run is being trained; stop it before renaming it.</source>
        <translation>该运行正在训练中，请先停止再重命名。</translation>
    </message>
    <message>
        <source>A run named “%1” already exists.</source>
        <translation>名为“%1”的运行已存在。</translation>
    </message>
    <message>
        <source>Could not rename %1.</source>
        <translation>无法重命名 %1。</translation>
    </message>
    <message>
        <source>This run is being trained; stop it before deleting it.</source>
        <translation>该运行正在训练中，请先停止再删除。</translation>
    </message>
    <message>
        <source>%1 is not a run directory.</source>
        <translation>%1 不是运行目录。</translation>
    </message>
    <message>
        <source>Could not delete all of %1.</source>
        <translation>无法完全删除 %1。</translation>
    </message>
    <message>
        <source>Rename run</source>
        <translation>重命名运行</translation>
    </message>
    <message>
        <source>New name:</source>
        <translation>新名称：</translation>
    </message>
    <message>
        <source>Delete runs</source>
        <translation>删除运行</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n run(s) and all their checkpoints? This cannot be undone.

%1</source>
        <translation>
            <numerusform>删除 %n 个运行及其全部检查点？此操作无法撤销。

%1</numerusform>
        </translation>
    </message>
    <message>
        <source>Select a run to see its configuration.</source>
        <translation>选择一个运行以查看其配置。</translation>
    </message>
    <message>
        <source>The selected run&apos;s config.json: the same file `lmwb train` reads.</source>
        <translation>所选运行的 config.json：也就是 `lmwb train` 读取的那个文件。</translation>
    </message>
</context>
<context>
    <name>lmwb::widgets::TrainingMonitor</name>
    <message>
        <source>%1 M parameters</source>
        <translation>%1 M 个参数</translation>
    </message>
    <message>
        <source>%1 K parameters</source>
        <translation>%1 K 个参数</translation>
    </message>
    <message numerus="yes">
        <source>%n parameter(s)</source>
        <translation>
            <numerusform>%n 个参数</numerusform>
        </translation>
    </message>
    <message>
        <source>The current step, the latest smoothed train loss and the latest validation loss (with the best one so far).</source>
        <translation>当前步数、最新的平滑训练损失和最新的验证损失（以及迄今为止的最佳值）。</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Pause training after the current optimizer step, or resume a paused run.</source>
        <translation>在当前优化器步完成后暂停训练，或继续已暂停的运行。</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>单步</translation>
    </message>
    <message>
        <source>While paused: run exactly one optimizer step and pause again, to watch one update.</source>
        <translation>暂停时：只执行一个优化器步，然后再次暂停，以便观察单次更新。</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>End the run after the current step and save a checkpoint. You can resume it later.</source>
        <translation>在当前步完成后结束运行并保存检查点。之后可以继续训练。</translation>
    </message>
    <message>
        <source>Save now</source>
        <translation>立即保存</translation>
    </message>
    <message>
        <source>Write a checkpoint of the model and optimizer now, without stopping.</source>
        <translation>立即写入模型和优化器的检查点，不停止训练。</translation>
    </message>
    <message>
        <source>Sample now</source>
        <translation>立即采样</translation>
    </message>
    <message>
        <source>Generate a short text with the model as it is now; it appears under the chart.</source>
        <translation>用模型的当前状态生成一小段文本，结果显示在图表下方。</translation>
    </message>
    <message>
        <source>Export PNG…</source>
        <translation>导出 PNG…</translation>
    </message>
    <message>
        <source>Save the loss chart, as it is shown, as a PNG image.</source>
        <translation>将当前显示的损失图表保存为 PNG 图像。</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <source>Save every step&apos;s metrics (loss, smoothed loss, learning rate, gradient norm, throughput, val loss) as a CSV file for a spreadsheet or a notebook.</source>
        <translation>将每一步的指标（损失、平滑损失、学习率、梯度范数、吞吐量、验证损失）保存为 CSV 文件，便于在电子表格或 Notebook 中分析。</translation>
    </message>
    <message>
        <source>Smoothing</source>
        <translation>平滑</translation>
    </message>
    <message>
        <source>How much to smooth the train loss curve (TensorBoard&apos;s debiased exponential moving average). 0 shows the raw values; 0.6 averages over the last few steps; 0.99 over about a hundred. The raw curve stays visible, faint.</source>
        <translation>训练损失曲线的平滑程度（采用 TensorBoard 的去偏指数移动平均）。0 显示原始值；0.6 大约对最近几步取平均；0.99 大约对最近一百步取平均。原始曲线仍以浅色显示。</translation>
    </message>
    <message>
        <source>Log scale</source>
        <translation>对数刻度</translation>
    </message>
    <message>
        <source>Show the loss on a logarithmic axis: late, small improvements become visible next to the big drop at the start.</source>
        <translation>用对数坐标轴显示损失：除了开始时的大幅下降，后期的微小改进也能看清。</translation>
    </message>
    <message>
        <source>x axis</source>
        <translation>x 轴</translation>
    </message>
    <message>
        <source>step</source>
        <translation>步</translation>
    </message>
    <message>
        <source>tokens seen</source>
        <translation>已见词元数</translation>
    </message>
    <message>
        <source>wall time (s)</source>
        <translation>实际耗时（s）</translation>
    </message>
    <message>
        <source>What the charts&apos; horizontal axis counts: optimizer steps, training tokens seen (compares runs with different batch sizes) or seconds of training (compares speed).</source>
        <translation>图表横轴的计量方式：优化器步数、已见的训练词元数（便于比较批次大小不同的运行）或训练秒数（便于比较速度）。</translation>
    </message>
    <message>
        <source>Cross-entropy loss in nats per token: lower is better. Train loss is measured on each training batch; val loss on text the model never trains on. The dashed line is the loss of guessing uniformly among all tokens.</source>
        <translation>交叉熵损失，单位为奈特/词元：越低越好。训练损失在每个训练批次上测量；验证损失在模型从未训练过的文本上测量。虚线表示在所有词元中均匀随机猜测时的损失。</translation>
    </message>
    <message>
        <source>learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <source>The optimizer&apos;s step size: warmup, then cosine decay.</source>
        <translation>优化器的步长：先预热，再余弦衰减。</translation>
    </message>
    <message>
        <source>gradient norm</source>
        <translation>梯度范数</translation>
    </message>
    <message>
        <source>Length of the gradient before clipping. Spikes mean unstable training.</source>
        <translation>裁剪前梯度的长度。出现尖峰说明训练不稳定。</translation>
    </message>
    <message>
        <source>tokens per second</source>
        <translation>每秒词元数</translation>
    </message>
    <message>
        <source>Training speed: tokens processed per second of wall time.</source>
        <translation>训练速度：每秒实际时间内处理的词元数。</translation>
    </message>
    <message>
        <source>Samples (newest first)</source>
        <translation>样本（最新的在前）</translation>
    </message>
    <message>
        <source>Text the model generated at each evaluation: watch it turn from noise into words.</source>
        <translation>模型在每次评估时生成的文本：看它如何从杂乱的噪声逐渐变成词语。</translation>
    </message>
    <message>
        <source>generated text</source>
        <translation>生成的文本</translation>
    </message>
    <message>
        <source>Generated after step %1</source>
        <translation>第 %1 步后生成</translation>
    </message>
    <message>
        <source>Cannot read this run&apos;s metrics: %1</source>
        <translation>无法读取该运行的指标：%1</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>继续</translation>
    </message>
    <message>
        <source>No run yet: start one from the training wizard, or open one from the run browser.</source>
        <translation>还没有运行：请通过训练向导开始一个运行，或在运行列表中打开一个。</translation>
    </message>
    <message>
        <source>Run directory: %1</source>
        <translation>运行目录：%1</translation>
    </message>
    <message>
        <source>step %1 of %2</source>
        <translation>第 %1 步，共 %2 步</translation>
    </message>
    <message>
        <source>step %1</source>
        <translation>第 %1 步</translation>
    </message>
    <message>
        <source>train %1</source>
        <translation>训练 %1</translation>
    </message>
    <message>
        <source>val %1 (best %2)</source>
        <translation>验证 %1（最佳 %2）</translation>
    </message>
    <message>
        <source>Waiting for a run</source>
        <translation>等待运行</translation>
    </message>
    <message>
        <source>Waiting for the first step…</source>
        <translation>正在等待第一步…</translation>
    </message>
    <message>
        <source>Export the loss chart</source>
        <translation>导出损失图表</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG 图像 (*.png)</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <source>Could not write %1. Choose a folder you can write to.</source>
        <translation>无法写入 %1。请选择一个有写入权限的文件夹。</translation>
    </message>
    <message>
        <source>Export the metrics</source>
        <translation>导出指标</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
</context>
<context>
    <name>lmwb::widgets::TrainingWizard</name>
    <message>
        <source>New training run</source>
        <translation>新建训练运行</translation>
    </message>
    <message>
        <source>Start training</source>
        <translation>开始训练</translation>
    </message>
</context>
<context>
    <name>lmwb::widgets::WizardDataPage</name>
    <message>
        <source>Synthetic addition (built in)</source>
        <translation>合成加法（内置）</translation>
    </message>
    <message>
        <source>Debian fortunes (English)</source>
        <translation>Debian 格言集（英文）</translation>
    </message>
    <message>
        <source>Tang poems (Chinese)</source>
        <translation>唐诗（中文）</translation>
    </message>
    <message>
        <source>Song lyrics (Chinese)</source>
        <translation>宋词（中文）</translation>
    </message>
    <message>
        <source>Chinese fortunes</source>
        <translation>中文格言</translation>
    </message>
    <message>
        <source>Training data</source>
        <translation>训练数据</translation>
    </message>
    <message>
        <source>The text the model learns from. Choose files or a folder, drop them onto this page, or take one of the sample corpora.</source>
        <translation>模型要学习的文本。可以选择文件或文件夹、将其拖放到本页，或使用某个示例语料。</translation>
    </message>
    <message>
        <source>Sample corpus</source>
        <translation>示例语料</translation>
    </message>
    <message>
        <source>Train on one of the corpora that come with LM Workbench or with Debian packages.</source>
        <translation>使用语言模型工作台自带或 Debian 软件包提供的语料进行训练。</translation>
    </message>
    <message>
        <source>Synthetic addition needs no file and trains in a minute: a good first run. The fortunes (English) and the Chinese poems come from the Debian packages fortunes and fortunes-zh; grey entries are not installed.</source>
        <translation>合成加法无需任何文件，一分钟就能训练完：非常适合作为第一次运行。英文格言和中文诗词分别来自 Debian 软件包 fortunes 和 fortunes-zh；灰色条目表示尚未安装。</translation>
    </message>
    <message>
        <source>%1 — install the %2 package</source>
        <translation>%1 — 请安装 %2 软件包</translation>
    </message>
    <message>
        <source>Problems:</source>
        <translation>题目数量：</translation>
    </message>
    <message>
        <source>Digits per number:</source>
        <translation>每个数的位数：</translation>
    </message>
    <message>
        <source>How many &quot;a+b=c&quot; lines to generate (data.synthetic_examples). 20,000 is plenty for two-digit numbers.</source>
        <translation>要生成多少行“a+b=c”（data.synthetic_examples）。对两位数来说，20,000 行已经足够。</translation>
    </message>
    <message>
        <source>Digits of each operand (data.synthetic_digits). With 2 a tiny model learns to add in a few hundred steps; 3 or more takes longer.</source>
        <translation>每个加数的位数（data.synthetic_digits）。取 2 时，一个很小的模型几百步就能学会加法；取 3 或更多则需要更久。</translation>
    </message>
    <message>
        <source>My files or folder</source>
        <translation>我的文件或文件夹</translation>
    </message>
    <message>
        <source>Train on your own UTF-8 text files. A folder is read recursively; hidden files are skipped.</source>
        <translation>使用你自己的 UTF-8 文本文件进行训练。文件夹会被递归读取，隐藏文件将被跳过。</translation>
    </message>
    <message>
        <source>The files and folders to train on, read in this order. Drop files or a folder anywhere on this page to add them.</source>
        <translation>用于训练的文件和文件夹，按此顺序读取。将文件或文件夹拖放到本页任意位置即可添加。</translation>
    </message>
    <message>
        <source>Add files…</source>
        <translation>添加文件…</translation>
    </message>
    <message>
        <source>Add one or more text files (UTF-8).</source>
        <translation>添加一个或多个文本文件（UTF-8）。</translation>
    </message>
    <message>
        <source>Add folder…</source>
        <translation>添加文件夹…</translation>
    </message>
    <message>
        <source>Add every file of a folder and its subfolders.</source>
        <translation>添加某个文件夹及其所有子文件夹中的全部文件。</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Remove the selected entries from the list.</source>
        <translation>从列表中移除所选条目。</translation>
    </message>
    <message>
        <source>Plain text</source>
        <translation>纯文本</translation>
    </message>
    <message>
        <source>Fortune file (entries between % lines)</source>
        <translation>Fortune 文件（条目之间以 % 行分隔）</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>格式：</translation>
    </message>
    <message>
        <source>data.format. Plain text is used as it is. Fortune files have entries separated by lines holding only %; the separators and colour escapes are removed.</source>
        <translation>data.format。纯文本按原样使用。Fortune 文件中的条目由只含 % 的行分隔；分隔行和颜色转义序列会被去除。</translation>
    </message>
    <message>
        <source>Tip: drop files or a folder anywhere on this page.</source>
        <translation>提示：可以将文件或文件夹拖放到本页任意位置。</translation>
    </message>
    <message>
        <source>Validation fraction:</source>
        <translation>验证集比例：</translation>
    </message>
    <message>
        <source>data.val_fraction: the last part of the corpus held out to measure the validation loss, which tells you whether the model generalises or only memorises. 0.1 (10 %) as in nanoGPT; 0 turns validation off.</source>
        <translation>data.val_fraction：语料末尾留出、用于测量验证损失的部分，它能告诉你模型是在泛化还是只在死记硬背。与 nanoGPT 一样取 0.1（10 %）；取 0 则关闭验证。</translation>
    </message>
    <message>
        <source>The first lines of the corpus, as the tokenizer and the model will see them.</source>
        <translation>语料的前几行，也就是分词器和模型将看到的样子。</translation>
    </message>
    <message>
        <source>First lines:</source>
        <translation>前几行：</translation>
    </message>
    <message>
        <source>Text files to train on</source>
        <translation>选择用于训练的文本文件</translation>
    </message>
    <message>
        <source>Text files (*.txt *.md *.csv);;All files (*)</source>
        <translation>文本文件 (*.txt *.md *.csv);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Folder of text files to train on</source>
        <translation>选择包含训练文本的文件夹</translation>
    </message>
    <message>
        <source>Folder, read recursively</source>
        <translation>文件夹（递归读取）</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Reading the corpus…</source>
        <translation>正在读取语料…</translation>
    </message>
    <message>
        <source>%1 · %2 characters · %3 distinct characters · %4</source>
        <translation>%1 · %2 个字符 · %3 种不同字符 · %4</translation>
    </message>
    <message>
        <source>%1 characters train / no validation</source>
        <translation>训练 %1 个字符 / 无验证</translation>
    </message>
    <message>
        <source>%1 characters train / %2 validation</source>
        <translation>训练 %1 个字符 / 验证 %2 个字符</translation>
    </message>
    <message>
        <source>No data chosen (data.train is empty): add a text file or a folder, drop one onto this page, or choose a sample corpus.</source>
        <translation>尚未选择数据（data.train 为空）：请添加文本文件或文件夹、将其拖放到本页，或选择一个示例语料。</translation>
    </message>
    <message>
        <source>Choose a sample corpus.</source>
        <translation>请选择一个示例语料。</translation>
    </message>
    <message>
        <source>This corpus cannot be used: %1</source>
        <translation>无法使用此语料：%1</translation>
    </message>
</context>
<context>
    <name>lmwb::widgets::WizardGoalPage</name>
    <message>
        <source>Choose the run to continue.</source>
        <translation>请选择要继续的运行。</translation>
    </message>
    <message>
        <source>%1 is not a run directory: it has no config.json.</source>
        <translation>%1 不是运行目录：其中没有 config.json。</translation>
    </message>
    <message>
        <source>The run&apos;s config.json cannot be read: %1</source>
        <translation>无法读取该运行的 config.json：%1</translation>
    </message>
    <message>
        <source>%1, %2 layers × %3 heads × %4 wide, context %5 · %6 tokenizer</source>
        <translation>%1，%2 层 × %3 头 × 宽度 %4，上下文 %5 · %6 分词器</translation>
    </message>
    <message>
        <source>This run has no checkpoint yet (no checkpoints/step-N folder), so there is nothing to continue from.</source>
        <translation>该运行还没有检查点（没有 checkpoints/step-N 文件夹），因此无法继续。</translation>
    </message>
    <message>
        <source>Last checkpoint: step %1 of %2.</source>
        <translation>最新检查点：第 %1 步，共 %2 步。</translation>
    </message>
    <message>
        <source>This run is finished (step %1 of training.max_steps = %2). To train longer, start a new run.</source>
        <translation>该运行已完成（第 %1 步，training.max_steps = %2）。如需训练更久，请开始一个新的运行。</translation>
    </message>
    <message>
        <source>What would you like to do?</source>
        <translation>你想做什么？</translation>
    </message>
    <message>
        <source>Train a new language model from scratch, or continue a run you started before.</source>
        <translation>从零训练一个新的语言模型，或继续之前开始的运行。</translation>
    </message>
    <message>
        <source>Pretrain a new model from scratch</source>
        <translation>从零预训练一个新模型</translation>
    </message>
    <message>
        <source>Start with random weights and learn from a text corpus you choose on the next pages. The usual choice for a first experiment.</source>
        <translation>从随机权重开始，学习你在后续页面中选择的文本语料。第一次做实验通常选这一项。</translation>
    </message>
    <message>
        <source>Continue an existing run</source>
        <translation>继续已有的运行</translation>
    </message>
    <message>
        <source>Pick up a run from its latest checkpoint with its own settings, in the same run directory; the loss curve continues exactly where it stopped.</source>
        <translation>在同一运行目录中，按该运行自身的设置从其最新检查点继续训练；损失曲线会从停止的地方准确接续。</translation>
    </message>
    <message>
        <source>Fine-tune (coming with GPT-2 import)</source>
        <translation>微调（将随 GPT-2 导入功能推出）</translation>
    </message>
    <message>
        <source>Start from pretrained GPT-2 weights and adapt them to your text. Not available yet: it arrives together with the GPT-2 import.</source>
        <translation>从预训练的 GPT-2 权重出发，使其适应你的文本。暂不可用：将与 GPT-2 导入功能一同推出。</translation>
    </message>
    <message>
        <source>The runs of the workspace folder (folders with a config.json). The run continues from its latest checkpoint up to its training.max_steps.</source>
        <translation>工作区文件夹中的运行（含有 config.json 的文件夹）。运行将从其最新检查点继续，直到达到其 training.max_steps。</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Choose a run directory anywhere on disk (it holds config.json and checkpoints/).</source>
        <translation>在磁盘上的任意位置选择一个运行目录（其中包含 config.json 和 checkpoints/）。</translation>
    </message>
    <message>
        <source>Choose a corpus, a tokenizer and a model size on the next pages; the weights start random and the loss starts at about ln(vocabulary size).</source>
        <translation>在后续页面中选择语料、分词器和模型大小；权重随机初始化，损失从约 ln(词表大小) 开始。</translation>
    </message>
    <message>
        <source>Pick up a run of the workspace (newest first) from its latest checkpoint, with its own settings, up to its planned number of steps.</source>
        <translation>从工作区中选择一个运行（最新的在前），按其自身设置从最新检查点继续，直到达到计划的步数。</translation>
    </message>
    <message>
        <source>Start from GPT-2&apos;s pretrained weights and adapt them to your text.</source>
        <translation>从 GPT-2 的预训练权重出发，使其适应你的文本。</translation>
    </message>
    <message>
        <source>Run directory to continue</source>
        <translation>选择要继续的运行目录</translation>
    </message>
    <message>
        <source>No runs in the workspace yet.</source>
        <translation>工作区中还没有运行。</translation>
    </message>
</context>
<context>
    <name>lmwb::widgets::WizardModelPage</name>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>The size and kind of the network. Start small: a tiny model trains in minutes on a CPU.</source>
        <translation>网络的规模和类型。建议从小模型开始：微型模型在 CPU 上几分钟就能训练完。</translation>
    </message>
    <message>
        <source>Tiny (2 layers, 2 heads, 64 wide, context 32)</source>
        <translation>微型（2 层，2 个头，宽度 64，上下文 32）</translation>
    </message>
    <message>
        <source>nanoGPT CPU (4 × 4 × 128, context 64)</source>
        <translation>nanoGPT CPU（4 × 4 × 128，上下文 64）</translation>
    </message>
    <message>
        <source>Baby GPT (6 × 6 × 384, context 256, dropout 0.2)</source>
        <translation>Baby GPT（6 × 6 × 384，上下文 256，dropout 0.2）</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>自定义</translation>
    </message>
    <message>
        <source>Preset:</source>
        <translation>预设：</translation>
    </message>
    <message>
        <source>Known-good sizes. Tiny learns the addition corpus in minutes. nanoGPT CPU is the configuration nanoGPT suggests for a laptop. Baby GPT is nanoGPT&apos;s shakespeare_char model, about 10.7 M parameters: slow without a GPU. Changing a field below switches to Custom.</source>
        <translation>经过验证的模型规模。“微型”几分钟就能学会加法语料。“nanoGPT CPU”是 nanoGPT 为笔记本电脑推荐的配置。“Baby GPT”是 nanoGPT 的 shakespeare_char 模型，约 10.7 M 个参数：没有 GPU 会很慢。修改下方任一字段都会切换到“自定义”。</translation>
    </message>
    <message>
        <source>GPT (transformer)</source>
        <translation>GPT（Transformer）</translation>
    </message>
    <message>
        <source>LSTM (recurrent baseline)</source>
        <translation>LSTM（循环网络基线）</translation>
    </message>
    <message>
        <source>Architecture:</source>
        <translation>架构：</translation>
    </message>
    <message>
        <source>model.arch. GPT: the decoder-only transformer of GPT-2 and nanoGPT. LSTM: the recurrent network that came before; train both on the same data to compare curves.</source>
        <translation>model.arch。GPT：GPT-2 和 nanoGPT 所用的仅解码器 Transformer。LSTM：在 Transformer 之前流行的循环神经网络；在相同数据上分别训练两者，即可比较它们的曲线。</translation>
    </message>
    <message>
        <source>Layers:</source>
        <translation>层数：</translation>
    </message>
    <message>
        <source>model.n_layer: transformer blocks (or LSTM layers) stacked on each other. 2–6 for a CPU; GPT-2 small has 12.</source>
        <translation>model.n_layer：相互堆叠的 Transformer 块（或 LSTM 层）的数量。CPU 上用 2–6；GPT-2 small 有 12 层。</translation>
    </message>
    <message>
        <source>Attention heads:</source>
        <translation>注意力头数：</translation>
    </message>
    <message>
        <source>model.n_head: attention heads per layer, each looking at the text in its own way. Must divide the width; each head gets width / heads dimensions (64 in GPT-2). GPT only.</source>
        <translation>model.n_head：每层的注意力头数，每个头以自己的方式审视文本。必须能整除宽度；每个头分到“宽度 / 头数”个维度（GPT-2 中为 64）。仅适用于 GPT。</translation>
    </message>
    <message>
        <source>Width:</source>
        <translation>宽度：</translation>
    </message>
    <message>
        <source>model.n_embd: the size of the vector that stands for each token. Parameters grow with its square. 64–384 on a CPU; GPT-2 small has 768.</source>
        <translation>model.n_embd：表示每个词元的向量的维度。参数量随它的平方增长。CPU 上用 64–384；GPT-2 small 为 768。</translation>
    </message>
    <message>
        <source>Context length:</source>
        <translation>上下文长度：</translation>
    </message>
    <message>
        <source>model.block_size: how many tokens the model sees at once. Longer context remembers more but costs more per step (attention grows with its square). 32–256 here; GPT-2 has 1024.</source>
        <translation>model.block_size：模型一次能看到的词元数。上下文越长，能记住的内容越多，但每步的开销也越大（注意力的开销随它的平方增长）。这里用 32–256；GPT-2 为 1024。</translation>
    </message>
    <message>
        <source>Dropout:</source>
        <translation>Dropout：</translation>
    </message>
    <message>
        <source>model.dropout: the share of activations zeroed at random while training, against overfitting. 0 for small models and short runs; 0.2 when the validation loss rises while the train loss falls.</source>
        <translation>model.dropout：训练时随机置零的激活值比例，用于防止过拟合。小模型和短时间的运行取 0；如果验证损失上升而训练损失下降，取 0.2。</translation>
    </message>
    <message>
        <source>Bias in linear layers and LayerNorm</source>
        <translation>在线性层和 LayerNorm 中使用偏置</translation>
    </message>
    <message>
        <source>model.bias: add bias vectors, as GPT-2 does. Off (nanoGPT&apos;s default) is a little faster and usually as good.</source>
        <translation>model.bias：像 GPT-2 一样添加偏置向量。关闭（nanoGPT 的默认设置）会稍快一些，效果通常一样好。</translation>
    </message>
    <message>
        <source>What this model costs</source>
        <translation>该模型的开销</translation>
    </message>
    <message>
        <source>Counted exactly from the layer shapes, position embeddings included; the output layer shares the embedding (GPT).</source>
        <translation>根据各层形状精确计算，包括位置嵌入；输出层与嵌入层共享权重（GPT）。</translation>
    </message>
    <message>
        <source>An estimate: weights, gradients and the two Adam moments (4 bytes each per parameter) plus the activations of one batch.</source>
        <translation>估算值：权重、梯度和 Adam 的两个矩（每个参数各占 4 字节），再加上一个批次的激活值。</translation>
    </message>
    <message>
        <source>Floating-point operations to train on one token: 6 N + 12 L C T, as in the PaLM paper and nanoGPT.</source>
        <translation>在一个词元上训练所需的浮点运算次数：6 N + 12 L C T，与 PaLM 论文和 nanoGPT 中的算法相同。</translation>
    </message>
    <message>
        <source>One optimizer step of this model at the chosen batch size, measured by actually running one in the background.</source>
        <translation>在所选批次大小下，该模型执行一个优化器步所需的时间，通过在后台实际运行一步测得。</translation>
    </message>
    <message>
        <source>Parameters:</source>
        <translation>参数量：</translation>
    </message>
    <message>
        <source>Memory to train:</source>
        <translation>训练所需内存：</translation>
    </message>
    <message>
        <source>FLOPs per token:</source>
        <translation>每词元 FLOPs：</translation>
    </message>
    <message>
        <source>One training step:</source>
        <translation>单个训练步：</translation>
    </message>
    <message>
        <source>— (choose the data and the tokenizer first)</source>
        <translation>—（请先选择数据和分词器）</translation>
    </message>
    <message>
        <source>%1 (%2) with a vocabulary of %3</source>
        <translation>%1（%2），词表大小为 %3</translation>
    </message>
    <message>
        <source>≈ %1 at batch size %2 (estimate)</source>
        <translation>≈ %1，批次大小为 %2（估算）</translation>
    </message>
    <message>
        <source>%1 for training</source>
        <translation>整个训练共 %1</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>Measured by the training engine; not connected here.</source>
        <translation>由训练引擎测量；此处尚未接入。</translation>
    </message>
    <message>
        <source>measuring…</source>
        <translation>正在测量…</translation>
    </message>
    <message>
        <source>could not measure: %1</source>
        <translation>无法测量：%1</translation>
    </message>
    <message>
        <source>%1 ms per step at batch size %2 (measured)</source>
        <translation>批次大小为 %2 时每步 %1 ms（实测）</translation>
    </message>
    <message>
        <source>(the engine counted %1 parameters)</source>
        <translation>（引擎统计为 %1 个参数）</translation>
    </message>
    <message>
        <source>validation split</source>
        <translation>验证集</translation>
    </message>
    <message>
        <source>train split</source>
        <translation>训练集</translation>
    </message>
    <message>
        <source>The corpus is too short for model.block_size = %1: its %2 has %3 characters, and it needs at least block_size + 1 = %4 tokens. Use a shorter context or more text.</source>
        <translation>语料太短，不满足 model.block_size = %1 的要求：其%2只有 %3 个字符，而至少需要 block_size + 1 = %4 个词元。请缩短上下文长度或提供更多文本。</translation>
    </message>
</context>
<context>
    <name>lmwb::widgets::WizardSummaryPage</name>
    <message>
        <source>Summary</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>Everything this run will use. The same file trains from the command line.</source>
        <translation>该运行将使用的全部设置。同一个文件也可以在命令行中用于训练。</translation>
    </message>
    <message>
        <source>The run configuration as JSON, nanoGPT&apos;s names. Go back to change a value.</source>
        <translation>以 JSON 表示的运行配置，采用 nanoGPT 的命名。如需修改某个值，请返回前面的页面。</translation>
    </message>
    <message>
        <source>Save…</source>
        <translation>保存…</translation>
    </message>
    <message>
        <source>Save the configuration as a JSON file (a trained tokenizer is saved next to it) to train later with lmwb train, on this or another machine.</source>
        <translation>将配置保存为 JSON 文件（已训练的分词器会保存在它旁边），以便稍后在本机或其他机器上用 lmwb train 进行训练。</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Copy the configuration to the clipboard.</source>
        <translation>将配置复制到剪贴板。</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Choose the folder for the run.</source>
        <translation>选择该运行的文件夹。</translation>
    </message>
    <message>
        <source>Run directory:</source>
        <translation>运行目录：</translation>
    </message>
    <message>
        <source>Command line:</source>
        <translation>命令行：</translation>
    </message>
    <message>
        <source>Where the run writes its metrics, samples and checkpoints. A new folder in the workspace by default; it must not hold another run.</source>
        <translation>该运行写入指标、样本和检查点的位置。默认是工作区中的一个新文件夹；其中不能已有其他运行。</translation>
    </message>
    <message>
        <source>The same training without the window, e.g. on a server: save the configuration first, then run this command.</source>
        <translation>不打开窗口进行同样的训练（例如在服务器上）：先保存配置，再运行此命令。</translation>
    </message>
    <message>
        <source>Run directory</source>
        <translation>运行目录</translation>
    </message>
    <message>
        <source>Save the run configuration</source>
        <translation>保存运行配置</translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation>JSON 文件 (*.json)</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>Saved to %1</source>
        <translation>已保存到 %1</translation>
    </message>
    <message>
        <source>Choose a run directory.</source>
        <translation>请选择运行目录。</translation>
    </message>
    <message>
        <source>%1 is a file; the run directory must be a folder.</source>
        <translation>%1 是一个文件；运行目录必须是文件夹。</translation>
    </message>
    <message>
        <source>%1 already holds a run: choose another folder, or continue that run (first page).</source>
        <translation>%1 中已有一个运行：请选择其他文件夹，或继续该运行（在第一页选择）。</translation>
    </message>
</context>
<context>
    <name>lmwb::widgets::WizardTokenizerPage</name>
    <message>
        <source>Tokenizer</source>
        <translation>分词器</translation>
    </message>
    <message>
        <source>How the text is cut into tokens, the units the model reads and predicts.</source>
        <translation>文本如何切分成词元，即模型读取和预测的基本单位。</translation>
    </message>
    <message>
        <source>Characters (char)</source>
        <translation>字符（char）</translation>
    </message>
    <message>
        <source>Byte-level BPE (as GPT-2)</source>
        <translation>字节级 BPE（与 GPT-2 相同）</translation>
    </message>
    <message>
        <source>SentencePiece BPE</source>
        <translation>SentencePiece BPE</translation>
    </message>
    <message>
        <source>SentencePiece unigram</source>
        <translation>SentencePiece unigram</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>类型：</translation>
    </message>
    <message>
        <source>tokenizer.kind. Char: one token per character, nothing to train, the easiest to understand (nanoGPT&apos;s shakespeare_char). Byte-level BPE: GPT-2&apos;s method, merges frequent byte pairs, never meets an unknown character. SentencePiece BPE or unigram: good for Chinese and other text without spaces.</source>
        <translation>tokenizer.kind。字符：每个字符一个词元，无需训练，最容易理解（nanoGPT 的 shakespeare_char）。字节级 BPE：GPT-2 的方法，合并高频字节对，永远不会遇到未知字符。SentencePiece BPE 或 unigram：适合中文等不用空格分隔的文本。</translation>
    </message>
    <message>
        <source>Vocabulary size:</source>
        <translation>词表大小：</translation>
    </message>
    <message>
        <source>tokenizer.vocab_size: how many different tokens there are. Bigger means fewer, longer tokens (a shorter sequence for the same text) but a bigger embedding table and rarer tokens. 256 + a few hundred for a small corpus; GPT-2 uses 50,257. Byte-level BPE needs at least 256.</source>
        <translation>tokenizer.vocab_size：不同词元的数量。词表越大，词元越少、越长（同样的文本得到更短的序列），但嵌入表更大，罕见词元也更多。小语料用 256 加几百即可；GPT-2 使用 50,257。字节级 BPE 至少需要 256。</translation>
    </message>
    <message>
        <source>Character coverage:</source>
        <translation>字符覆盖率：</translation>
    </message>
    <message>
        <source>tokenizer.character_coverage (SentencePiece only): the share of the corpus&apos;s characters that get their own token; the rarest rest become byte pieces. 1.0 for English, 0.9995 for Chinese or Japanese.</source>
        <translation>tokenizer.character_coverage（仅 SentencePiece）：语料中拥有独立词元的字符所占的比例；其余最罕见的字符会拆成字节片段。英文用 1.0，中文或日文用 0.9995。</translation>
    </message>
    <message>
        <source>Train tokenizer</source>
        <translation>训练分词器</translation>
    </message>
    <message>
        <source>Train the tokenizer on the chosen corpus now. The window stays usable meanwhile; a large corpus with a big vocabulary can take a minute.</source>
        <translation>立即在所选语料上训练分词器。训练期间窗口仍可正常使用；语料大、词表也大时，可能需要一分钟左右。</translation>
    </message>
    <message>
        <source>Progress of the tokenizer training.</source>
        <translation>分词器训练进度。</translation>
    </message>
    <message>
        <source>The first sentence of the corpus, cut into tokens: each coloured box is one token; · marks a space.</source>
        <translation>语料的第一句切分成词元后的样子：每个彩色方框是一个词元；· 表示空格。</translation>
    </message>
    <message>
        <source>The first line of the corpus, cut into tokens:</source>
        <translation>语料的第一行切分成词元：</translation>
    </message>
    <message>
        <source>Not trained yet for these settings.</source>
        <translation>尚未按这些设置训练。</translation>
    </message>
    <message>
        <source>Vocabulary: %1 tokens (the distinct characters) · 1 character per token · no training needed</source>
        <translation>词表：%1 个词元（即不同的字符）· 每个词元 1 个字符 · 无需训练</translation>
    </message>
    <message>
        <source>Choose a corpus on the data page first.</source>
        <translation>请先在数据页面选择语料。</translation>
    </message>
    <message>
        <source>Training…</source>
        <translation>正在训练…</translation>
    </message>
    <message>
        <source>Cannot save the tokenizer: %1</source>
        <translation>无法保存分词器：%1</translation>
    </message>
    <message>
        <source>Training failed.</source>
        <translation>训练失败。</translation>
    </message>
    <message>
        <source>Vocabulary: %1 tokens · %2 characters per token</source>
        <translation>词表：%1 个词元 · 每个词元 %2 个字符</translation>
    </message>
    <message>
        <source>The tokenizer could not be trained: %1</source>
        <translation>无法训练分词器：%1</translation>
    </message>
    <message>
        <source>The settings or the corpus changed since the tokenizer was trained: press “Train tokenizer” again.</source>
        <translation>分词器训练之后，设置或语料已发生变化：请再次点击“训练分词器”。</translation>
    </message>
    <message>
        <source>The tokenizer is not trained yet: press “Train tokenizer” (Next needs a trained tokenizer).</source>
        <translation>分词器尚未训练：请点击“训练分词器”（需要先训练好分词器才能进入下一步）。</translation>
    </message>
</context>
<context>
    <name>lmwb::widgets::WizardTrainingPage</name>
    <message>
        <source>Training</source>
        <translation>训练</translation>
    </message>
    <message>
        <source>How long and how fast to learn. The defaults are nanoGPT&apos;s settings for a CPU.</source>
        <translation>学习多久、学得多快。默认值是 nanoGPT 针对 CPU 的设置。</translation>
    </message>
    <message>
        <source>fp32 (exact, the reference)</source>
        <translation>fp32（精确，作为参照）</translation>
    </message>
    <message>
        <source>bf16 (much faster on CPUs with AMX)</source>
        <translation>bf16（在支持 AMX 的 CPU 上快得多）</translation>
    </message>
    <message>
        <source>all cores (%1)</source>
        <translation>全部核心（%1）</translation>
    </message>
    <message>
        <source>Steps:</source>
        <translation>步数：</translation>
    </message>
    <message>
        <source>training.max_steps: optimizer steps to run. 2,000 trains the nanoGPT CPU model in a few minutes; watch the validation loss to decide whether more helps.</source>
        <translation>training.max_steps：要运行的优化器步数。2,000 步可在几分钟内训练完 nanoGPT CPU 模型；观察验证损失来判断增加步数是否有帮助。</translation>
    </message>
    <message>
        <source>Batch size:</source>
        <translation>批次大小：</translation>
    </message>
    <message>
        <source>training.batch_size: sequences per step. Bigger gives smoother gradients but slower steps; 12 on a CPU, 64 on a GPU.</source>
        <translation>training.batch_size：每步处理的序列数。越大梯度越平稳，但每步越慢；CPU 上用 12，GPU 上用 64。</translation>
    </message>
    <message>
        <source>Learning rate:</source>
        <translation>学习率：</translation>
    </message>
    <message>
        <source>training.learning_rate: the peak step size of AdamW, reached after the warmup. 1e-3 for small models; 6e-4 for GPT-2 sized ones. Too high and the loss jumps or becomes NaN.</source>
        <translation>training.learning_rate：AdamW 的峰值步长，在预热结束后达到。小模型用 1e-3；GPT-2 规模的模型用 6e-4。设得过高，损失会剧烈跳动甚至变成 NaN。</translation>
    </message>
    <message>
        <source>Minimum learning rate:</source>
        <translation>最小学习率：</translation>
    </message>
    <message>
        <source>training.min_lr: where the cosine decay ends, usually a tenth of the learning rate. Must not be above it.</source>
        <translation>training.min_lr：余弦衰减的终点，通常为学习率的十分之一。不得高于学习率。</translation>
    </message>
    <message>
        <source>Warmup steps:</source>
        <translation>预热步数：</translation>
    </message>
    <message>
        <source>training.warmup_steps: the learning rate rises linearly from almost 0 over these steps, which keeps the first updates of a random model from being too large. About 5 % of the steps.</source>
        <translation>training.warmup_steps：在这些步内，学习率从接近 0 线性上升，以免随机初始化的模型在最初几次更新时幅度过大。约为总步数的 5 %。</translation>
    </message>
    <message>
        <source>Decay steps:</source>
        <translation>衰减步数：</translation>
    </message>
    <message>
        <source>training.lr_decay_steps: the step where the cosine decay reaches the minimum learning rate. Usually equal to the steps (it follows them until you change it).</source>
        <translation>training.lr_decay_steps：余弦衰减降到最小学习率时所在的步数。通常等于总步数（在你手动修改之前，它会自动跟随总步数）。</translation>
    </message>
    <message>
        <source>Weight decay:</source>
        <translation>权重衰减：</translation>
    </message>
    <message>
        <source>training.weight_decay: AdamW&apos;s pull of the weight matrices towards zero, a regulariser. 0.1 as in GPT-2 and nanoGPT; 0 turns it off.</source>
        <translation>training.weight_decay：AdamW 把权重矩阵拉向零的力度，是一种正则化手段。与 GPT-2 和 nanoGPT 一样取 0.1；取 0 则关闭。</translation>
    </message>
    <message>
        <source>Gradient clip:</source>
        <translation>梯度裁剪：</translation>
    </message>
    <message>
        <source>training.grad_clip: the gradient is scaled down when its norm exceeds this, which tames loss spikes. 1.0 is standard; 0 turns clipping off.</source>
        <translation>training.grad_clip：梯度范数超过此值时，梯度会被按比例缩小，从而抑制损失尖峰。标准值为 1.0；取 0 则关闭裁剪。</translation>
    </message>
    <message>
        <source>Precision:</source>
        <translation>精度：</translation>
    </message>
    <message>
        <source>training.precision: fp32 computes in 32-bit floats. bf16 autocasts matrix products to bfloat16, several times faster on CPUs with AMX and on modern GPUs, with a slightly noisier loss.</source>
        <translation>training.precision：fp32 使用 32 位浮点数计算。bf16 会把矩阵乘法自动转换为 bfloat16 计算，在支持 AMX 的 CPU 和现代 GPU 上快数倍，但损失的噪声会稍大一些。</translation>
    </message>
    <message>
        <source>Threads:</source>
        <translation>线程数：</translation>
    </message>
    <message>
        <source>training.threads: CPU threads for the maths. 0 uses all cores; leave one free if the window feels slow while training.</source>
        <translation>training.threads：用于计算的 CPU 线程数。0 表示使用全部核心；如果训练时窗口反应迟缓，可以留出一个核心。</translation>
    </message>
    <message>
        <source>Evaluate every:</source>
        <translation>评估间隔：</translation>
    </message>
    <message>
        <source>training.eval_interval: steps between measurements of the train and validation loss (and a generated sample). 250 for 2,000 steps.</source>
        <translation>training.eval_interval：两次测量训练损失和验证损失（并生成一个样本）之间相隔的步数。总共 2,000 步时取 250。</translation>
    </message>
    <message>
        <source>Evaluation batches:</source>
        <translation>评估批次数：</translation>
    </message>
    <message>
        <source>training.eval_steps: batches averaged for each loss measurement. More is steadier but slower; 20 is a good start.</source>
        <translation>training.eval_steps：每次测量损失时取平均的批次数。越多越稳定，但也越慢；20 是不错的起点。</translation>
    </message>
    <message>
        <source>Checkpoint every:</source>
        <translation>检查点间隔：</translation>
    </message>
    <message>
        <source>training.checkpoint_interval: steps between saved checkpoints (one is always saved at the end). A run can be continued from any of them.</source>
        <translation>training.checkpoint_interval：两次保存检查点之间相隔的步数（结束时总会保存一个）。运行可以从其中任何一个检查点继续。</translation>
    </message>
    <message>
        <source>Seed:</source>
        <translation>随机种子：</translation>
    </message>
    <message>
        <source>training.seed: fixes the random initialisation, the batches and dropout, so the same settings give the same curve. Change it to see how much runs vary.</source>
        <translation>training.seed：固定随机初始化、批次抽取和 dropout，使相同的设置得到相同的曲线。修改它可以看看不同运行之间的差异有多大。</translation>
    </message>
    <message>
        <source>The learning rate at each step: linear warmup, then cosine decay to the minimum (nanoGPT&apos;s schedule, computed by the same function the trainer uses).</source>
        <translation>每一步的学习率：先线性预热，再余弦衰减到最小值（nanoGPT 的调度方式，由训练器所用的同一个函数计算）。</translation>
    </message>
    <message>
        <source>step</source>
        <translation>步</translation>
    </message>
    <message>
        <source>learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <source>training.learning_rate: “%1” is not a number; write it like 1e-3 or 0.001.</source>
        <translation>training.learning_rate：“%1”不是数字；请写成 1e-3 或 0.001 这样的形式。</translation>
    </message>
    <message>
        <source>training.min_lr: “%1” is not a number; write it like 1e-4 or 0.0001.</source>
        <translation>training.min_lr：“%1”不是数字；请写成 1e-4 或 0.0001 这样的形式。</translation>
    </message>
</context>
</TS>
