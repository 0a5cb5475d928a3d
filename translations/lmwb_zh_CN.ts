<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>DataInspector</name>
    <message>
        <source>cannot open the file: %1</source>
        <translation>无法打开文件：%1</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>%1 is not valid UTF-8: %2 bad bytes, the first at byte %3; training cannot read it. Convert it to UTF-8 (for example with iconv) or leave it out.</source>
        <translation>%1 不是有效的 UTF-8：有 %2 个无效字节，第一个位于第 %3 字节；训练无法读取它。请将其转换为 UTF-8（例如使用 iconv），或不使用该文件。</translation>
    </message>
    <message>
        <source>(built-in synthetic additions)</source>
        <translation>（内置合成加法）</translation>
    </message>
    <message>
        <source>The tokenizer cannot encode the corpus: %1</source>
        <translation>分词器无法编码该语料：%1</translation>
    </message>
    <message>
        <source>block size, batch size and batch number must be at least 1</source>
        <translation>块大小、批次大小和批次数必须至少为 1</translation>
    </message>
</context>
<context>
    <name>DatasetPanel</name>
    <message>
        <source>Synthetic additions (built in)</source>
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
</context>
<context>
    <name>HfController</name>
    <message>
        <source>Could not import %1: %2</source>
        <translation>无法导入 %1：%2</translation>
    </message>
    <message>
        <source>Could not export %1: %2</source>
        <translation>无法导出 %1：%2</translation>
    </message>
</context>
<context>
    <name>PlaygroundWorker</name>
    <message>
        <source>Unknown sampler stage &quot;%1&quot;.</source>
        <translation>未知的采样器阶段“%1”。</translation>
    </message>
</context>
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
    <name>TokenPieces</name>
    <message>
        <source>token %1 · id %2 · bytes %3 · piece %4</source>
        <translation>词元 %1 · id %2 · 字节 %3 · 片段 %4</translation>
    </message>
    <message>
        <source> · part of “%1”</source>
        <translation> · 属于“%1”的一部分</translation>
    </message>
</context>
<context>
    <name>lmwb::app::ArchComparison</name>
    <message>
        <source>The GPT is trained (%1 parameters); now an LSTM of width %2 (%3 parameters) on the same data.</source>
        <translation>GPT 已训练完成（%1 个参数）；接下来在相同数据上训练一个宽度为 %2 的 LSTM（%3 个参数）。</translation>
    </message>
    <message>
        <source>Transformer against LSTM</source>
        <translation>Transformer 对比 LSTM</translation>
    </message>
    <message>
        <source>Both trained on the same corpus with the same schedule; the Train tab overlays their loss curves.</source>
        <translation>两者在同一语料上按相同的调度训练；“训练”标签页会叠加显示它们的损失曲线。</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>参数量</translation>
    </message>
    <message>
        <source>Final val loss</source>
        <translation>最终验证损失</translation>
    </message>
    <message>
        <source>Last sample</source>
        <translation>最新样本</translation>
    </message>
    <message>
        <source>GPT</source>
        <translation>GPT</translation>
    </message>
    <message>
        <source>LSTM</source>
        <translation>LSTM</translation>
    </message>
</context>
<context>
    <name>lmwb::app::AttentionWorker</name>
    <message>
        <source>%1 has no config.json to find the corpus by</source>
        <translation>%1 中没有 config.json，无法找到语料</translation>
    </message>
    <message>
        <source>the validation text is empty</source>
        <translation>验证文本为空</translation>
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
        <source>Data &amp;&amp; Tokenizer</source>
        <translation>数据与分词器</translation>
    </message>
    <message>
        <source>Attention</source>
        <translation>注意力</translation>
    </message>
    <message>
        <source>Playground</source>
        <translation>演练场</translation>
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
    <message>
        <source>Open &amp;Hugging Face Model Folder…</source>
        <translation>打开 Hugging Face 模型文件夹(&amp;H)…</translation>
    </message>
    <message>
        <source>Imported as %1</source>
        <translation>已导入为 %1</translation>
    </message>
    <message>
        <source>Exported to %1</source>
        <translation>已导出到 %1</translation>
    </message>
    <message>
        <source>Hugging Face model</source>
        <translation>Hugging Face 模型</translation>
    </message>
    <message>
        <source>Importing %1…</source>
        <translation>正在导入 %1…</translation>
    </message>
    <message>
        <source>Exporting %1…</source>
        <translation>正在导出 %1…</translation>
    </message>
    <message>
        <source>Open a Hugging Face GPT-2 folder (config.json, model.safetensors, vocab.json, merges.txt)</source>
        <translation>打开 Hugging Face GPT-2 文件夹（config.json、model.safetensors、vocab.json、merges.txt）</translation>
    </message>
    <message>
        <source>Open Hugging Face model</source>
        <translation>打开 Hugging Face 模型</translation>
    </message>
    <message>
        <source>%1 is not a Hugging Face model folder: it needs config.json and model.safetensors (pytorch_model.bin is never read).</source>
        <translation>%1 不是 Hugging Face 模型文件夹：其中需要有 config.json 和 model.safetensors（不会读取 pytorch_model.bin）。</translation>
    </message>
    <message>
        <source>Export to a Hugging Face GPT-2 folder</source>
        <translation>导出为 Hugging Face GPT-2 文件夹</translation>
    </message>
</context>
<context>
    <name>lmwb::app::PlaygroundWorker</name>
    <message>
        <source>Choose a checkpoint first.</source>
        <translation>请先选择一个检查点。</translation>
    </message>
    <message>
        <source>Cannot load %1: %2</source>
        <translation>无法加载 %1：%2</translation>
    </message>
    <message>
        <source>Cannot encode the prompt: %1</source>
        <translation>无法编码提示词：%1</translation>
    </message>
    <message>
        <source>Token id %1 is outside the vocabulary.</source>
        <translation>词元 id %1 超出了词表范围。</translation>
    </message>
    <message>
        <source>The prompt has no tokens.</source>
        <translation>提示词中没有词元。</translation>
    </message>
    <message>
        <source>GPT %1×%2×%3, block %4, step %5</source>
        <translation>GPT %1×%2×%3，上下文 %4，第 %5 步</translation>
    </message>
    <message>
        <source>LSTM %1×%2, step %3</source>
        <translation>LSTM %1×%2，第 %3 步</translation>
    </message>
    <message>
        <source>Generation failed: %1</source>
        <translation>生成失败：%1</translation>
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
    <name>lmwb::app::TeachWorker</name>
    <message>
        <source>GPT: %1 layers, %2 heads, width %3, context %4, %5 tokens, %6 parameters</source>
        <translation>GPT：%1 层，%2 个头，宽度 %3，上下文 %4，%5 个词元，%6 个参数</translation>
    </message>
    <message>
        <source>LSTM: %1 layers, width %2, %3 tokens, %4 parameters</source>
        <translation>LSTM：%1 层，宽度 %2，%3 个词元，%4 个参数</translation>
    </message>
    <message>
        <source>No model is loaded: train a run, or open one, then load its latest checkpoint.</source>
        <translation>尚未加载模型：请训练或打开一个运行，然后加载其最新检查点。</translation>
    </message>
    <message>
        <source>Type a prompt to send through the model.</source>
        <translation>输入一段提示词，送入模型计算。</translation>
    </message>
    <message>
        <source>The prompt cannot be encoded by this model&apos;s tokenizer: %1</source>
        <translation>该模型的分词器无法编码此提示词：%1</translation>
    </message>
    <message>
        <source>The prompt has %1 tokens, more than the model&apos;s context of %2; shorten it.</source>
        <translation>提示词有 %1 个词元，超过了模型的上下文长度 %2；请缩短它。</translation>
    </message>
</context>
<context>
    <name>lmwb::app::Teaching</name>
    <message>
        <source>Teach</source>
        <translation>教学</translation>
    </message>
    <message>
        <source>Lesson</source>
        <translation>课程</translation>
    </message>
    <message>
        <source>&amp;Teach</source>
        <translation>教学(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Presentation Mode</source>
        <translation>演示模式(&amp;P)</translation>
    </message>
    <message>
        <source>Load &amp;Classroom Profile…</source>
        <translation>加载课堂配置(&amp;C)…</translation>
    </message>
    <message>
        <source>Classroom profile</source>
        <translation>课堂配置</translation>
    </message>
    <message>
        <source>Classroom profiles (*.json)</source>
        <translation>课堂配置文件 (*.json)</translation>
    </message>
    <message>
        <source>&amp;Lessons</source>
        <translation>课程(&amp;L)</translation>
    </message>
    <message>
        <source>Load the Current Run into the &amp;Teach Tab</source>
        <translation>将当前运行载入“教学”标签页(&amp;T)</translation>
    </message>
    <message>
        <source>Train a Transformer and an &amp;LSTM and Compare</source>
        <translation>训练 Transformer 和 LSTM 并比较(&amp;L)</translation>
    </message>
    <message>
        <source>no run is open: train one (File ▸ New Training Run) or open one from the Runs list</source>
        <translation>没有打开的运行：请训练一个（文件 ▸ 新建训练运行），或从运行列表中打开一个</translation>
    </message>
    <message>
        <source>Transformer against LSTM</source>
        <translation>Transformer 对比 LSTM</translation>
    </message>
    <message>
        <source>Stop the current run first.</source>
        <translation>请先停止当前运行。</translation>
    </message>
    <message>
        <source>&quot;train&quot; needs a run configuration object</source>
        <translation>&quot;train&quot; 需要一个运行配置对象</translation>
    </message>
    <message>
        <source>a run is already in progress; stop it first</source>
        <translation>已有一个运行正在进行，请先停止它</translation>
    </message>
    <message>
        <source>the training wizard is not open</source>
        <translation>训练向导未打开</translation>
    </message>
    <message>
        <source>unknown wizard action &quot;%1&quot; (open, next, back, close)</source>
        <translation>未知的向导操作 &quot;%1&quot;（open、next、back、close）</translation>
    </message>
    <message>
        <source>no run is open to load</source>
        <translation>没有打开的运行可供加载</translation>
    </message>
    <message>
        <source>training is not %1 yet</source>
        <translation>训练尚未处于 %1 状态</translation>
    </message>
    <message>
        <source>the wizard&apos;s page is not complete yet</source>
        <translation>向导的当前页面尚未填写完整</translation>
    </message>
    <message>
        <source>the Teach tab has not loaded the model yet</source>
        <translation>“教学”标签页尚未加载模型</translation>
    </message>
</context>
<context>
    <name>lmwb::widgets::ArchitectureView</name>
    <message>
        <source> · %1 params</source>
        <translation> · %1 个参数</translation>
    </message>
    <message>
        <source>tied to wte</source>
        <translation>与 wte 共享权重</translation>
    </message>
    <message>
        <source>No model loaded</source>
        <translation>未加载模型</translation>
    </message>
    <message>
        <source>Load a checkpoint to see its architecture.</source>
        <translation>加载一个检查点以查看其架构。</translation>
    </message>
    <message>
        <source>Tokens: %1</source>
        <translation>词元：%1</translation>
    </message>
    <message>
        <source>Token embedding</source>
        <translation>词元嵌入</translation>
    </message>
    <message>
        <source>Position embedding</source>
        <translation>位置嵌入</translation>
    </message>
    <message>
        <source>+  token + position</source>
        <translation>+  词元 + 位置</translation>
    </message>
    <message>
        <source>LayerNorm ln_1</source>
        <translation>LayerNorm ln_1</translation>
    </message>
    <message>
        <source>Self-attention: %1 heads × d_k %2</source>
        <translation>自注意力：%1 个头 × d_k %2</translation>
    </message>
    <message>
        <source>+  residual</source>
        <translation>+  残差</translation>
    </message>
    <message>
        <source>LayerNorm ln_2</source>
        <translation>LayerNorm ln_2</translation>
    </message>
    <message>
        <source>MLP  %1 → %2 → %1, GELU</source>
        <translation>MLP  %1 → %2 → %1，GELU</translation>
    </message>
    <message>
        <source>Block × %1 · layer %2</source>
        <translation>块 × %1 · 第 %2 层</translation>
    </message>
    <message>
        <source>LSTM layer %1: gates i f g o, cell c, h = o ⊙ tanh(c)</source>
        <translation>LSTM 第 %1 层：门 i f g o，细胞状态 c，h = o ⊙ tanh(c)</translation>
    </message>
    <message>
        <source>LSTM × %1 · hidden %2</source>
        <translation>LSTM × %1 · 隐藏维度 %2</translation>
    </message>
    <message>
        <source>Final LayerNorm ln_f</source>
        <translation>最终 LayerNorm ln_f</translation>
    </message>
    <message>
        <source>Linear head lm_head  %1 → %2</source>
        <translation>线性输出头 lm_head  %1 → %2</translation>
    </message>
    <message>
        <source>Unembedding  x · wteᵀ  %1 → %2</source>
        <translation>反嵌入  x · wteᵀ  %1 → %2</translation>
    </message>
    <message>
        <source>Softmax → next-token probabilities</source>
        <translation>Softmax → 下一个词元的概率</translation>
    </message>
    <message>
        <source>Next token after “%1”</source>
        <translation>“%1”之后的下一个词元</translation>
    </message>
</context>
<context>
    <name>lmwb::widgets::AttentionExplorer</name>
    <message>
        <source>Open a run (double-click it in the Runs list) or start one to see its attention.</source>
        <translation>打开一个运行（在运行列表中双击它）或开始一个新运行，即可查看其注意力。</translation>
    </message>
    <message>
        <source>Type a prompt, or leave it empty for a sample of the validation text</source>
        <translation>输入提示词，或留空以使用验证文本中的一段样本</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <source>Sample validation text</source>
        <translation>抽取验证文本</translation>
    </message>
    <message>
        <source>Replace the prompt by a random passage of the run&apos;s validation text.</source>
        <translation>用该运行验证文本中随机的一段替换提示词。</translation>
    </message>
    <message>
        <source>Checkpoint:</source>
        <translation>检查点：</translation>
    </message>
    <message>
        <source>Scrub through the run&apos;s saved checkpoints.</source>
        <translation>拖动浏览该运行已保存的检查点。</translation>
    </message>
    <message>
        <source>Live: probe the training run every</source>
        <translation>实时：探测训练中的运行，每隔</translation>
    </message>
    <message>
        <source>While a run trains, compute the prompt&apos;s attention from the model as it learns.</source>
        <translation>在运行训练期间，用正在学习的模型计算提示词的注意力。</translation>
    </message>
    <message>
        <source> steps</source>
        <translation> 步</translation>
    </message>
    <message>
        <source>Layer</source>
        <translation>层</translation>
    </message>
    <message>
        <source>Head</source>
        <translation>头</translation>
    </message>
    <message>
        <source>Auto contrast</source>
        <translation>自动对比度</translation>
    </message>
    <message>
        <source>Stretch the colours to the largest weight shown instead of the fixed 0 to 1.</source>
        <translation>按所显示的最大权重拉伸颜色范围，而不是固定使用 0 到 1。</translation>
    </message>
    <message>
        <source>Export PNG…</source>
        <translation>导出 PNG…</translation>
    </message>
    <message>
        <source>Export JSON…</source>
        <translation>导出 JSON…</translation>
    </message>
    <message>
        <source>Every layer and head, the same document as lmwb attention --json.</source>
        <translation>包含每一层和每个注意力头，与 lmwb attention --json 输出的文档相同。</translation>
    </message>
    <message>
        <source>All heads</source>
        <translation>全部注意力头</translation>
    </message>
    <message>
        <source>Heatmap</source>
        <translation>热力图</translation>
    </message>
    <message>
        <source>Head view</source>
        <translation>注意力头视图</translation>
    </message>
    <message>
        <source>Statistics</source>
        <translation>统计</translation>
    </message>
    <message>
        <source>Run: %1</source>
        <translation>运行：%1</translation>
    </message>
    <message>
        <source>%1 is an LSTM run. A recurrent network carries the past in its hidden state and has no attention weights to show; train a GPT to see attention here.</source>
        <translation>%1 是 LSTM 运行。循环网络用隐藏状态携带过去的信息，没有可显示的注意力权重；请训练一个 GPT 以在此查看注意力。</translation>
    </message>
    <message>
        <source>No checkpoint of this run yet. Tick “Live” to watch the attention while it trains.</source>
        <translation>该运行还没有检查点。勾选“实时”即可在训练过程中观察注意力。</translation>
    </message>
    <message>
        <source>%1 has no saved checkpoint to show.</source>
        <translation>%1 没有可显示的已保存检查点。</translation>
    </message>
    <message>
        <source>no checkpoint</source>
        <translation>无检查点</translation>
    </message>
    <message>
        <source>step %1 (%2 of %3)</source>
        <translation>第 %1 步（第 %2 个，共 %3 个）</translation>
    </message>
    <message>
        <source>Drawing a sample of the validation text…</source>
        <translation>正在从验证文本中抽取样本…</translation>
    </message>
    <message>
        <source>Cannot draw from the validation text: %1</source>
        <translation>无法从验证文本中抽取：%1</translation>
    </message>
    <message>
        <source>it is empty</source>
        <translation>文本为空</translation>
    </message>
    <message>
        <source>The training run is an LSTM: a recurrent network has no attention weights to follow.</source>
        <translation>正在训练的运行是 LSTM：循环网络没有可跟踪的注意力权重。</translation>
    </message>
    <message>
        <source>Live: the probe is computed every %1 steps from the model as it trains.</source>
        <translation>实时：训练期间每隔 %1 步用当前模型计算一次探测。</translation>
    </message>
    <message>
        <source>No attention: %1</source>
        <translation>无法显示注意力：%1</translation>
    </message>
    <message>
        <source>%1</source>
        <translation>%1</translation>
    </message>
    <message>
        <source>mean of the heads</source>
        <translation>各头的平均</translation>
    </message>
    <message>
        <source>live, step %1</source>
        <translation>实时，第 %1 步</translation>
    </message>
    <message>
        <source>checkpoint of step %1</source>
        <translation>第 %1 步的检查点</translation>
    </message>
    <message>
        <source>%1 tokens, %2 layers × %3 heads, %4.</source>
        <translation>%1 个词元，%2 层 × %3 个头，%4。</translation>
    </message>
    <message>
        <source>layer %1, mean of its %2 heads</source>
        <translation>第 %1 层，%2 个头的平均</translation>
    </message>
    <message>
        <source>layer %1, head %2</source>
        <translation>第 %1 层，第 %2 个头</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <source>Could not write %1</source>
        <translation>无法写入 %1</translation>
    </message>
    <message>
        <source>There is no attention to export yet.</source>
        <translation>还没有可导出的注意力。</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>Export the view as PNG</source>
        <translation>将视图导出为 PNG</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG 图像 (*.png)</translation>
    </message>
    <message>
        <source>Export the attention as JSON</source>
        <translation>将注意力导出为 JSON</translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation>JSON 文件 (*.json)</translation>
    </message>
</context>
<context>
    <name>lmwb::widgets::AttentionGrid</name>
    <message>
        <source>No attention to show yet.</source>
        <translation>还没有可显示的注意力。</translation>
    </message>
    <message>
        <source>H%1</source>
        <translation>H%1</translation>
    </message>
    <message>
        <source>L%1</source>
        <translation>L%1</translation>
    </message>
    <message>
        <source>layer %1, head %2 — click to open</source>
        <translation>第 %1 层，第 %2 个头 — 点击打开</translation>
    </message>
</context>
<context>
    <name>lmwb::widgets::AttentionHeadView</name>
    <message>
        <source>Left: the attending token (query); right: the tokens it attends to (keys). Line opacity is the weight. Hover a token on the left to see only its lines.</source>
        <translation>左侧：发出注意力的词元（查询）；右侧：它所关注的词元（键）。连线的不透明度表示权重。将鼠标悬停在左侧某个词元上，即可只显示它的连线。</translation>
    </message>
    <message>
        <source>H%1</source>
        <translation>H%1</translation>
    </message>
    <message>
        <source>Show head %1 (its colour)</source>
        <translation>显示第 %1 个头（其颜色）</translation>
    </message>
    <message>
        <source>Layer %1, heads:</source>
        <translation>第 %1 层，注意力头：</translation>
    </message>
</context>
<context>
    <name>lmwb::widgets::AttentionHeatmap</name>
    <message>
        <source>key (attended token)</source>
        <translation>键（被关注的词元）</translation>
    </message>
    <message>
        <source>query (attending token)</source>
        <translation>查询（发出注意力的词元）</translation>
    </message>
    <message>
        <source>weight</source>
        <translation>权重</translation>
    </message>
    <message>
        <source>query %1 “%2” cannot see key %3 “%4” (a later token)</source>
        <translation>查询 %1“%2”看不到键 %3“%4”（它是后面的词元）</translation>
    </message>
    <message>
        <source>query %1 “%2” → key %3 “%4”: weight %5</source>
        <translation>查询 %1“%2” → 键 %3“%4”：权重 %5</translation>
    </message>
</context>
<context>
    <name>lmwb::widgets::AttentionStatsTable</name>
    <message>
        <source>layer</source>
        <translation>层</translation>
    </message>
    <message>
        <source>head</source>
        <translation>头</translation>
    </message>
    <message>
        <source>entropy</source>
        <translation>熵</translation>
    </message>
    <message>
        <source>mean distance</source>
        <translation>平均距离</translation>
    </message>
    <message>
        <source>previous token</source>
        <translation>前一个词元</translation>
    </message>
    <message>
        <source>first token</source>
        <translation>首个词元</translation>
    </message>
    <message>
        <source>self</source>
        <translation>自身</translation>
    </message>
    <message>
        <source>same token</source>
        <translation>相同词元</translation>
    </message>
    <message>
        <source>Mean over the queries of −Σ p ln p, in nats: 0 looks at one token, ln(t) spreads evenly.</source>
        <translation>对所有查询取平均的 −Σ p ln p，单位为奈特：0 表示只关注一个词元，ln(t) 表示均匀分散。</translation>
    </message>
    <message>
        <source>Mean over the queries of how far back the weight lies, in tokens.</source>
        <translation>对所有查询取平均的权重回看距离，以词元计。</translation>
    </message>
    <message>
        <source>Mean weight on the token just before the query.</source>
        <translation>落在查询前一个词元上的平均权重。</translation>
    </message>
    <message>
        <source>Mean weight on the first token (a common resting place for heads with nothing to do).</source>
        <translation>落在首个词元上的平均权重（无事可做的注意力头常把注意力停放在这里）。</translation>
    </message>
    <message>
        <source>Mean weight of a query on itself.</source>
        <translation>查询落在自身上的平均权重。</translation>
    </message>
    <message>
        <source>Mean weight on earlier copies of the query&apos;s own token, over the queries that have one (— if none).</source>
        <translation>落在与查询相同的更早词元上的平均权重，只统计存在这种词元的查询（若没有则为 —）。</translation>
    </message>
</context>
<context>
    <name>lmwb::widgets::BatchView</name>
    <message>
        <source>%1 %2 · id %3 · bytes %4 · piece %5</source>
        <translation>%1 %2 · id %3 · 字节 %4 · 片段 %5</translation>
    </message>
    <message>
        <source>target</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>input</source>
        <translation>输入</translation>
    </message>
    <message>
        <source>Row %1 · tokens %2–%3 of the train split</source>
        <translation>第 %1 行 · 训练集的第 %2–%3 个词元</translation>
    </message>
</context>
<context>
    <name>lmwb::widgets::BlockDetails</name>
    <message>
        <source>The prompt cut into tokens; each is an integer id into the vocabulary.</source>
        <translation>提示词切分成的词元；每个词元都是词表中的一个整数 id。</translation>
    </message>
    <message>
        <source>Looks up one learned vector per token id: row id of wte.</source>
        <translation>为每个词元 id 查出一个学到的向量：即 wte 的第 id 行。</translation>
    </message>
    <message>
        <source>Looks up one learned vector per position 0, 1, 2, … so the model knows the order.</source>
        <translation>为每个位置 0、1、2、… 查出一个学到的向量，让模型知道词元的顺序。</translation>
    </message>
    <message>
        <source>Token and position vectors are added: this sum starts the residual stream.</source>
        <translation>词元向量与位置向量相加：这个和就是残差流的起点。</translation>
    </message>
    <message>
        <source>Residual connection: the block&apos;s output is added to its input, x + f(x).</source>
        <translation>残差连接：把模块的输出加到它的输入上，即 x + f(x)。</translation>
    </message>
    <message>
        <source>LayerNorm: each token&apos;s vector is shifted to mean 0 and scaled to variance 1, then multiplied by a learned gain.</source>
        <translation>LayerNorm：把每个词元的向量平移到均值为 0、缩放到方差为 1，再乘以一个学到的增益。</translation>
    </message>
    <message>
        <source>Each token builds a query, compares it with every earlier token&apos;s key, and takes the softmax-weighted average of their values; the heads are concatenated and projected by W^O.</source>
        <translation>每个词元生成一个查询，与之前每个词元的键进行比较，再按 softmax 权重对它们的值求加权平均；各注意力头的结果拼接起来，再经 W^O 投影。</translation>
    </message>
    <message>
        <source>A two-layer network applied to each token on its own: widen 4×, GELU, narrow back.</source>
        <translation>对每个词元单独作用的两层网络：先加宽到 4×，经过 GELU，再缩回原宽度。</translation>
    </message>
    <message>
        <source>A recurrent layer: reads the tokens one after another and carries a memory cell from each to the next through input, forget and output gates.</source>
        <translation>循环层：逐个读取词元，并通过输入门、遗忘门和输出门，把记忆单元从一个词元传到下一个词元。</translation>
    </message>
    <message>
        <source>Turns each vector into one score (logit) per vocabulary token.</source>
        <translation>把每个向量变成一组分数（logit），词表中的每个词元各一个。</translation>
    </message>
    <message>
        <source>Softmax turns the scores into probabilities that sum to 1: the next-token distribution.</source>
        <translation>Softmax 把这些分数变成总和为 1 的概率：也就是下一个词元的分布。</translation>
    </message>
    <message>
        <source>Parameter</source>
        <translation>参数</translation>
    </message>
    <message>
        <source>Shape</source>
        <translation>形状</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>weight value</source>
        <translation>权重值</translation>
    </message>
    <message>
        <source>count</source>
        <translation>计数</translation>
    </message>
    <message>
        <source>row</source>
        <translation>行</translation>
    </message>
    <message>
        <source>Weights of this block</source>
        <translation>该模块的权重</translation>
    </message>
    <message>
        <source>Output vector of the selected token</source>
        <translation>所选词元的输出向量</translation>
    </message>
    <message>
        <source>&lt;b&gt;Click a block of the diagram&lt;/b&gt;</source>
        <translation>&lt;b&gt;点击示意图中的一个模块&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Its parameters, the shapes for this prompt, its weights and the selected token&apos;s vector appear here.</source>
        <translation>它的参数、在当前提示词下的形状、它的权重以及所选词元的向量会显示在这里。</translation>
    </message>
    <message>
        <source>Parameters: &lt;b&gt;%1&lt;/b&gt; of %2 in the model (%3%)</source>
        <translation>参数量：&lt;b&gt;%1&lt;/b&gt;（模型共 %2，占 %3%）</translation>
    </message>
    <message>
        <source>Output for this prompt: %1; at token %2 “%3”</source>
        <translation>当前提示词下的输出：%1；在词元 %2“%3”处</translation>
    </message>
    <message>
        <source>The unembedding reuses wte (tied weights), so it adds no parameters.</source>
        <translation>反嵌入层复用 wte（权重绑定），因此不增加参数。</translation>
    </message>
    <message>
        <source>dimension (row × %1 + column)</source>
        <translation>维度（行 × %1 + 列）</translation>
    </message>
</context>
<context>
    <name>lmwb::widgets::ComparePanel</name>
    <message>
        <source>The same text through two or three tokenizers:</source>
        <translation>用两三个分词器处理同一段文本：</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Cannot encode this text: %1</source>
        <translation>无法编码此文本：%1</translation>
    </message>
    <message>
        <source>%1 tokens (vocabulary %2) · %3 characters/token · %4 bytes/token</source>
        <translation>%1 个词元（词表 %2）· %3 字符/词元 · %4 字节/词元</translation>
    </message>
</context>
<context>
    <name>lmwb::widgets::DataInspector</name>
    <message>
        <source>Dataset</source>
        <translation>数据集</translation>
    </message>
    <message>
        <source>Tokenizer</source>
        <translation>分词器</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>比较</translation>
    </message>
    <message>
        <source>Train a tokenizer</source>
        <translation>训练分词器</translation>
    </message>
    <message>
        <source>Open tokenizer…</source>
        <translation>打开分词器…</translation>
    </message>
    <message>
        <source>Open a saved tokenizer folder (tokenizer.json, or GPT-2&apos;s vocab.json and merges.txt).</source>
        <translation>打开已保存的分词器文件夹（tokenizer.json，或 GPT-2 的 vocab.json 和 merges.txt）。</translation>
    </message>
    <message>
        <source>Open a tokenizer folder</source>
        <translation>打开分词器文件夹</translation>
    </message>
    <message>
        <source>Cannot open the tokenizer %1: %2</source>
        <translation>无法打开分词器 %1：%2</translation>
    </message>
    <message>
        <source>%1 · run %2</source>
        <translation>%1 · 运行 %2</translation>
    </message>
</context>
<context>
    <name>lmwb::widgets::DatasetPanel</name>
    <message>
        <source>Choose a corpus…</source>
        <translation>选择语料…</translation>
    </message>
    <message>
        <source>Open files…</source>
        <translation>打开文件…</translation>
    </message>
    <message>
        <source>Open folder…</source>
        <translation>打开文件夹…</translation>
    </message>
    <message>
        <source>Plain text</source>
        <translation>纯文本</translation>
    </message>
    <message>
        <source>Fortune files (% separated)</source>
        <translation>Fortune 文件（以 % 分隔）</translation>
    </message>
    <message>
        <source>data.format for files you open: fortune files drop their % separators and colour codes.</source>
        <translation>所打开文件的 data.format：Fortune 文件会去掉 % 分隔符和颜色代码。</translation>
    </message>
    <message>
        <source>Corpus:</source>
        <translation>语料：</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Bytes</source>
        <translation>字节数</translation>
    </message>
    <message>
        <source>Characters</source>
        <translation>字符数</translation>
    </message>
    <message>
        <source>Lines</source>
        <translation>行数</translation>
    </message>
    <message>
        <source>Distinct characters</source>
        <translation>不同字符数</translation>
    </message>
    <message>
        <source>Encoding</source>
        <translation>编码</translation>
    </message>
    <message>
        <source>Preview (the text as training reads it), page</source>
        <translation>预览（训练时读取的文本），页码</translation>
    </message>
    <message>
        <source>Documents (blocks between blank lines)</source>
        <translation>文档（以空行分隔的文本块）</translation>
    </message>
    <message>
        <source>length in tokens</source>
        <translation>长度（词元数）</translation>
    </message>
    <message>
        <source>count</source>
        <translation>计数</translation>
    </message>
    <message>
        <source>Tokenizer:</source>
        <translation>分词器：</translation>
    </message>
    <message>
        <source>Lengths of:</source>
        <translation>长度统计单位：</translation>
    </message>
    <message>
        <source>model.block_size: tokens per row</source>
        <translation>model.block_size：每行的词元数</translation>
    </message>
    <message>
        <source>training.batch_size: rows per batch</source>
        <translation>training.batch_size：每个批次的行数</translation>
    </message>
    <message>
        <source>training.seed: the trainer seeds its batch sampler with it</source>
        <translation>training.seed：训练器用它作为批次采样器的种子</translation>
    </message>
    <message>
        <source>The n-th batch the trainer draws: the batch of step n when gradient_accumulation_steps is 1 (evaluation uses its own sampler).</source>
        <translation>训练器抽取的第 n 个批次：当 gradient_accumulation_steps 为 1 时，就是第 n 步所用的批次（评估使用自己的采样器）。</translation>
    </message>
    <message>
        <source>Draw batch</source>
        <translation>抽取批次</translation>
    </message>
    <message>
        <source>Block size:</source>
        <translation>块大小：</translation>
    </message>
    <message>
        <source>Batch size:</source>
        <translation>批次大小：</translation>
    </message>
    <message>
        <source>Seed:</source>
        <translation>随机种子：</translation>
    </message>
    <message>
        <source>Batch number:</source>
        <translation>批次编号：</translation>
    </message>
    <message>
        <source>Files &amp;&amp; preview</source>
        <translation>文件与预览</translation>
    </message>
    <message>
        <source>Token lengths &amp;&amp; split</source>
        <translation>词元长度与划分</translation>
    </message>
    <message>
        <source>What the model sees</source>
        <translation>模型看到的内容</translation>
    </message>
    <message>
        <source>Open a folder of text files</source>
        <translation>打开文本文件所在的文件夹</translation>
    </message>
    <message>
        <source>Open text files</source>
        <translation>打开文本文件</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>正在读取 %1…</translation>
    </message>
    <message>
        <source>UTF-8 ✓</source>
        <translation>UTF-8 ✓</translation>
    </message>
    <message numerus="yes">
        <source>not UTF-8: %n bad byte(s) at %1</source>
        <translation>
            <numerusform>不是 UTF-8：%1 处有 %n 个无效字节</numerusform>
        </translation>
    </message>
    <message>
        <source>As training reads it: %1 bytes, %2 characters, %3 lines, %4 distinct characters (%5).</source>
        <translation>按训练读取的方式：%1 字节，%2 个字符，%3 行，%4 种不同字符（%5）。</translation>
    </message>
    <message>
        <source>of %1 · bytes %2–%3</source>
        <translation>/ %1 · 字节 %2–%3</translation>
    </message>
    <message>
        <source>Tokenizing with %1…</source>
        <translation>正在用 %1 分词…</translation>
    </message>
    <message>
        <source>%1 tokens of %2</source>
        <translation>%1 个词元（%2）</translation>
    </message>
    <message numerus="yes">
        <source>length in tokens (%n unit(s), mean %1, longest %2)</source>
        <translation>
            <numerusform>长度（词元数；共 %n 个单位，平均 %1，最长 %2）</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 tokens: the first %2 train, the last %3 are validation (val_fraction %4).</source>
        <translation>共 %1 个词元：前 %2 个用于训练，后 %3 个用于验证（val_fraction %4）。</translation>
    </message>
    <message>
        <source>Validation begins at byte %1, line %2: “%3”</source>
        <translation>验证集从第 %1 字节、第 %2 行开始：“%3”</translation>
    </message>
    <message>
        <source>The seed must be a whole number from 0 to 18446744073709551615, not “%1”.</source>
        <translation>种子必须是 0 到 18446744073709551615 之间的整数，而不是“%1”。</translation>
    </message>
    <message>
        <source>Drawing batch %1…</source>
        <translation>正在抽取第 %1 个批次…</translation>
    </message>
    <message>
        <source>Batch %1 as the trainer draws it with seed %2: %3 rows of %4 tokens of %5. The model reads each input row and must predict the target row, the same tokens shifted by one.</source>
        <translation>训练器以种子 %2 抽取的第 %1 个批次：%3 行，每行 %4 个词元，取自%5。模型读取每一行输入，并要预测对应的目标行，也就是整体后移一位的相同词元。</translation>
    </message>
    <message>
        <source>The first %1 rows are shown.</source>
        <translation>仅显示前 %1 行。</translation>
    </message>
</context>
<context>
    <name>lmwb::widgets::DistributionView</name>
    <message>
        <source>probability</source>
        <translation>概率</translation>
    </message>
    <message>
        <source>Click a token of the output to see the distribution it was drawn from.</source>
        <translation>点击输出中的某个词元，查看它是从什么分布中抽取出来的。</translation>
    </message>
    <message>
        <source>model</source>
        <translation>模型</translation>
    </message>
    <message numerus="yes">
        <source>after %1 (%n left)</source>
        <translation>
            <numerusform>%1 之后（剩 %n 个）</numerusform>
        </translation>
    </message>
    <message>
        <source>Token %1: &quot;%2&quot;, drawn with p = %3 (the model gave it %4). Click a bar to branch from here with that token.</source>
        <translation>词元 %1：“%2”，以 p = %3 抽中（模型给出的概率为 %4）。点击某个柱条，即可从这里改用该词元生成一个分支。</translation>
    </message>
</context>
<context>
    <name>lmwb::widgets::FormulaPanel</name>
    <message numerus="yes">
        <source>%n numbers</source>
        <translation>
            <numerusform>%n 个数</numerusform>
        </translation>
    </message>
    <message>
        <source>Formulas with live numbers</source>
        <translation>代入实时数值的公式</translation>
    </message>
    <message>
        <source>Load a model and type a prompt: the formulas below fill with its numbers.</source>
        <translation>加载模型并输入提示词：下面的公式会填入它的实际数值。</translation>
    </message>
    <message>
        <source>LSTM, one step</source>
        <translation>LSTM 的一步</translation>
    </message>
    <message>
        <source>An LSTM has no attention: everything it knows about earlier tokens must pass through the vector h, one step at a time.</source>
        <translation>LSTM 没有注意力：它对之前词元的全部了解，都必须一步一步地经由向量 h 传递。</translation>
    </message>
    <message>
        <source>Scaled dot-product attention</source>
        <translation>缩放点积注意力</translation>
    </message>
    <message>
        <source>Layer %1, head %2 of %3, query token %4 %5. d&lt;sub&gt;k&lt;/sub&gt; = %6, so 1/√d&lt;sub&gt;k&lt;/sub&gt; = %7.</source>
        <translation>第 %1 层，第 %2 个注意力头（共 %3 个），查询词元 %4 %5。d&lt;sub&gt;k&lt;/sub&gt; = %6，所以 1/√d&lt;sub&gt;k&lt;/sub&gt; = %7。</translation>
    </message>
    <message>
        <source>key token</source>
        <translation>键词元</translation>
    </message>
    <message>
        <source>masked</source>
        <translation>已掩码</translation>
    </message>
    <message>
        <source>captured</source>
        <translation>实际捕获</translation>
    </message>
    <message>
        <source>Keys after the query are masked to −∞ (a causal model cannot look ahead), so their softmax is 0. The softmax column is the heatmap&apos;s row %1; the last column is the row the model itself produced.</source>
        <translation>查询之后的键被掩码为 −∞（因果模型不能看到后面的词元），因此它们的 softmax 为 0。softmax 这一列就是热力图的第 %1 行；最后一列是模型自己算出的那一行。</translation>
    </message>
    <message>
        <source>Multi-head attention</source>
        <translation>多头注意力</translation>
    </message>
    <message>
        <source>%1 heads of %2 numbers each are laid side by side into %3 numbers, then mixed by W&lt;sup&gt;O&lt;/sup&gt; (c_proj, %3×%3):</source>
        <translation>%1 个注意力头各有 %2 个数，并排拼成 %3 个数，再由 W&lt;sup&gt;O&lt;/sup&gt;（c_proj，%3×%3）混合：</translation>
    </message>
    <message>
        <source>The MLP (feed-forward network)</source>
        <translation>MLP（前馈网络）</translation>
    </message>
    <message>
        <source>this model has no biases</source>
        <translation>该模型没有偏置</translation>
    </message>
    <message>
        <source>Older texts, and the original Transformer (Vaswani et al. 2017), write FFN(x) = max(0, xW₁ + b₁)W₂ + b₂ with ReLU. GPT-2 and this model use GELU, a smooth ReLU that lets small negative values through: GELU(−0.5) ≈ −0.154 where ReLU gives 0.</source>
        <translation>较早的资料以及最初的 Transformer（Vaswani 等，2017）写作 FFN(x) = max(0, xW₁ + b₁)W₂ + b₂，使用 ReLU。GPT-2 和本模型使用 GELU，这是一种平滑的 ReLU，允许较小的负值通过：GELU(−0.5) ≈ −0.154，而 ReLU 给出 0。</translation>
    </message>
</context>
<context>
    <name>lmwb::widgets::Lesson</name>
    <message>
        <source>not valid JSON at offset %1 (%2)</source>
        <translation>偏移量 %1 处不是有效的 JSON（%2）</translation>
    </message>
    <message>
        <source>a lesson is a JSON object</source>
        <translation>课程必须是一个 JSON 对象</translation>
    </message>
    <message>
        <source>the lesson has no &quot;id&quot;</source>
        <translation>课程缺少 &quot;id&quot;</translation>
    </message>
    <message>
        <source>the lesson has no &quot;title&quot;</source>
        <translation>课程缺少 &quot;title&quot;</translation>
    </message>
    <message>
        <source>&quot;steps&quot; must be a non-empty list</source>
        <translation>&quot;steps&quot; 必须是非空列表</translation>
    </message>
    <message>
        <source>step %1 is not an object</source>
        <translation>第 %1 步不是对象</translation>
    </message>
    <message>
        <source>step %1 needs a &quot;title&quot; and a &quot;text&quot;</source>
        <translation>第 %1 步需要 &quot;title&quot; 和 &quot;text&quot;</translation>
    </message>
    <message>
        <source>step %1: &quot;%2&quot; must be a list</source>
        <translation>第 %1 步：&quot;%2&quot; 必须是列表</translation>
    </message>
    <message>
        <source>step %1: every entry of &quot;%2&quot; must be an object</source>
        <translation>第 %1 步：&quot;%2&quot; 的每个条目都必须是对象</translation>
    </message>
</context>
<context>
    <name>lmwb::widgets::LessonPanel</name>
    <message>
        <source>◀ Back</source>
        <translation>◀ 上一步</translation>
    </message>
    <message>
        <source>Next ▶</source>
        <translation>下一步 ▶</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>No lessons</source>
        <translation>没有课程</translation>
    </message>
    <message numerus="yes">
        <source>%n steps</source>
        <translation>
            <numerusform>%n 步</numerusform>
        </translation>
    </message>
    <message>
        <source>Begin ▶</source>
        <translation>开始 ▶</translation>
    </message>
    <message>
        <source>Step %1 of %2</source>
        <translation>第 %1 步，共 %2 步</translation>
    </message>
    <message>
        <source>Ready for the next step.</source>
        <translation>可以进行下一步了。</translation>
    </message>
</context>
<context>
    <name>lmwb::widgets::LessonRunner</name>
    <message>
        <source>%1 is locked by the classroom profile</source>
        <translation>%1 已被课堂配置锁定</translation>
    </message>
    <message>
        <source>%1 has no item &quot;%2&quot;</source>
        <translation>%1 中没有条目“%2”</translation>
    </message>
    <message>
        <source>%1 has no value to set</source>
        <translation>%1 没有可设置的值</translation>
    </message>
    <message>
        <source>there is no tab &quot;%1&quot;</source>
        <translation>没有名为“%1”的标签页</translation>
    </message>
    <message>
        <source>tab &quot;%1&quot; is not the current one (&quot;%2&quot; is)</source>
        <translation>标签页“%1”不是当前标签页（当前是“%2”）</translation>
    </message>
    <message>
        <source>no control named &quot;%1&quot; is open</source>
        <translation>没有已打开的名为“%1”的控件</translation>
    </message>
    <message>
        <source>%1 cannot be clicked now (it is disabled)</source>
        <translation>%1 现在无法点击（已禁用）</translation>
    </message>
    <message>
        <source>%1 is not something to click</source>
        <translation>%1 不是可点击的对象</translation>
    </message>
    <message>
        <source>unknown lesson action %1</source>
        <translation>未知的课程操作 %1</translation>
    </message>
    <message>
        <source>%1 is not visible</source>
        <translation>%1 不可见</translation>
    </message>
    <message>
        <source>%1 does not contain &quot;%2&quot;</source>
        <translation>%1 不包含“%2”</translation>
    </message>
    <message>
        <source>%1 is %2, less than %3</source>
        <translation>%1 为 %2，小于 %3</translation>
    </message>
    <message>
        <source>%1 is &quot;%2&quot;, not &quot;%3&quot;</source>
        <translation>%1 是“%2”，而不是“%3”</translation>
    </message>
    <message>
        <source>unknown expectation %1</source>
        <translation>未知的预期条件 %1</translation>
    </message>
</context>
<context>
    <name>lmwb::widgets::LogitLensView</name>
    <message>
        <source>◀ Back</source>
        <translation>◀ 上一步</translation>
    </message>
    <message>
        <source>Next ▶</source>
        <translation>下一步 ▶</translation>
    </message>
    <message>
        <source>Read after</source>
        <translation>读取位置</translation>
    </message>
    <message>
        <source>#%1</source>
        <translation>#%1</translation>
    </message>
    <message>
        <source>The logit lens reads a transformer&apos;s residual stream; an LSTM has none.</source>
        <translation>logit lens 读取的是 Transformer 的残差流；LSTM 没有残差流。</translation>
    </message>
    <message>
        <source>Load a model and type a prompt to read its residual stream layer by layer.</source>
        <translation>加载模型并输入提示词，即可逐层读取它的残差流。</translation>
    </message>
    <message>
        <source>What the model would predict after “%1” if it stopped after each layer: the residual stream through ln_f and the unembedding. The last row is its real prediction.</source>
        <translation>如果模型在每一层之后就停下，它会在“%1”之后预测什么：将残差流送入 ln_f 和反嵌入层得到的结果。最后一行是它真正的预测。</translation>
    </message>
    <message>
        <source>embeddings</source>
        <translation>嵌入</translation>
    </message>
    <message>
        <source>layer %1</source>
        <translation>第 %1 层</translation>
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
    <message>
        <source>base model %1: %2</source>
        <translation>基础模型 %1：%2</translation>
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
    <name>lmwb::widgets::OutputTokenView</name>
    <message>
        <source>&quot;%1&quot;: p = %2 (model: %3)%4</source>
        <translation>“%1”：p = %2（模型：%3）%4</translation>
    </message>
    <message>
        <source>, chosen by you</source>
        <translation>，由你选定</translation>
    </message>
    <message>
        <source>Alternatives:</source>
        <translation>候选词元：</translation>
    </message>
</context>
<context>
    <name>lmwb::widgets::Playground</name>
    <message>
        <source>Prompt: the text the model continues</source>
        <translation>提示词：模型要续写的文本</translation>
    </message>
    <message>
        <source>Generate</source>
        <translation>生成</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>比较</translation>
    </message>
    <message>
        <source>Alternatives (click to branch):</source>
        <translation>候选词元（点击可从此处分支）：</translation>
    </message>
    <message>
        <source>%1 (latest: %2)</source>
        <translation>%1（最新：%2）</translation>
    </message>
    <message>
        <source>Choose a checkpoint for model %1 first (a run of the workspace or a folder).</source>
        <translation>请先为模型 %1 选择一个检查点（工作区中的某个运行或一个文件夹）。</translation>
    </message>
    <message>
        <source>Generating with seed %1…</source>
        <translation>正在使用随机种子 %1 生成…</translation>
    </message>
    <message>
        <source>Branching from token %1 with &quot;%2&quot;…</source>
        <translation>正在从第 %1 个词元处改用“%2”分支生成…</translation>
    </message>
    <message>
        <source>reached the maximum of new tokens</source>
        <translation>已达到新词元数上限</translation>
    </message>
    <message>
        <source>hit a stop string</source>
        <translation>遇到停止字符串</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>已停止</translation>
    </message>
    <message numerus="yes">
        <source>%1 — %n token(s), %2 tokens/s, %3</source>
        <translation>
            <numerusform>%1 — %n 个词元，%2 词元/秒，%3</numerusform>
        </translation>
    </message>
    <message>
        <source>Done. Click a token to see its distribution; click an alternative to branch.</source>
        <translation>完成。点击某个词元可查看其概率分布；点击候选词元可从此处分支。</translation>
    </message>
    <message>
        <source>Two panes side by side: two checkpoints or two sampler settings on the same prompt and seed (pane A&apos;s seed is used for both). When pane A holds a fine-tuned model, pane B starts with the model it was fine-tuned from.</source>
        <translation>两个窗格并排：同一提示词和种子下的两个检查点或两组采样设置（两者都使用窗格 A 的种子）。当窗格 A 是微调后的模型时，窗格 B 会先载入它微调前的基础模型。</translation>
    </message>
    <message>
        <source>The base model of pane A&apos;s fine-tuned run.</source>
        <translation>窗格 A 中微调运行的基础模型。</translation>
    </message>
</context>
<context>
    <name>lmwb::widgets::PlaygroundPane</name>
    <message>
        <source>A run of the workspace (its latest checkpoint), one of its checkpoints, or a folder you chose.</source>
        <translation>工作区中的某个运行（使用其最新检查点）、它的某个检查点，或你选择的文件夹。</translation>
    </message>
    <message>
        <source>Folder…</source>
        <translation>文件夹…</translation>
    </message>
    <message>
        <source>Choose a checkpoint or run folder (an imported model, too).</source>
        <translation>选择一个检查点或运行文件夹（也可以是导入的模型）。</translation>
    </message>
    <message>
        <source>Model A:</source>
        <translation>模型 A：</translation>
    </message>
    <message>
        <source>Model B:</source>
        <translation>模型 B：</translation>
    </message>
    <message>
        <source>Choose a checkpoint or run folder</source>
        <translation>选择检查点或运行文件夹</translation>
    </message>
</context>
<context>
    <name>lmwb::widgets::PresentationMode</name>
    <message>
        <source>Locked by the classroom profile.</source>
        <translation>已被课堂配置文件锁定。</translation>
    </message>
    <message>
        <source>Cannot read the classroom profile %1: %2</source>
        <translation>无法读取课堂配置文件 %1：%2</translation>
    </message>
    <message>
        <source>%1: not valid JSON at offset %2 (%3)</source>
        <translation>%1：偏移量 %2 处不是有效的 JSON（%3）</translation>
    </message>
    <message>
        <source>%1: a classroom profile is a JSON object</source>
        <translation>%1：课堂配置文件必须是一个 JSON 对象</translation>
    </message>
    <message>
        <source>%1: unknown key &quot;%2&quot; (known: %3)</source>
        <translation>%1：未知的键“%2”（已知的键：%3）</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; must be a list of objectNames</source>
        <translation>%1：“%2”必须是 objectName 列表</translation>
    </message>
    <message>
        <source>%1: &quot;font_size&quot; must be a number from 6 to 72</source>
        <translation>%1：“font_size”必须是 6 到 72 之间的数字</translation>
    </message>
    <message>
        <source>%1: &quot;presentation&quot; must be true or false</source>
        <translation>%1：“presentation”必须是 true 或 false</translation>
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
    <message>
        <source>Export to Hugging Face Format…</source>
        <translation>导出为 Hugging Face 格式…</translation>
    </message>
    <message>
        <source>Write the run&apos;s latest checkpoint as a Hugging Face GPT-2 folder (model.safetensors, config.json, tokenizer files).</source>
        <translation>将该运行的最新检查点写成 Hugging Face GPT-2 文件夹（model.safetensors、config.json 和分词器文件）。</translation>
    </message>
</context>
<context>
    <name>lmwb::widgets::SamplerPanel</name>
    <message>
        <source>Penalties</source>
        <translation>惩罚项</translation>
    </message>
    <message>
        <source>Temperature</source>
        <translation>温度</translation>
    </message>
    <message>
        <source>Top-k</source>
        <translation>Top-k</translation>
    </message>
    <message>
        <source>Top-p</source>
        <translation>Top-p</translation>
    </message>
    <message>
        <source>Min-p</source>
        <translation>Min-p</translation>
    </message>
    <message>
        <source>Typical-p</source>
        <translation>Typical-p</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>自定义</translation>
    </message>
    <message>
        <source>Greedy</source>
        <translation>贪心</translation>
    </message>
    <message>
        <source>Balanced</source>
        <translation>均衡</translation>
    </message>
    <message>
        <source>Creative</source>
        <translation>创意</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>重置</translation>
    </message>
    <message>
        <source>Preset:</source>
        <translation>预设：</translation>
    </message>
    <message>
        <source>Divides the logits; 0 means greedy (always the most likely token).</source>
        <translation>logit 除以该值；0 表示贪心（总是选最可能的词元）。</translation>
    </message>
    <message>
        <source>off</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Keep only the k most likely tokens; 0 turns it off.</source>
        <translation>只保留最可能的 k 个词元；0 表示关闭。</translation>
    </message>
    <message>
        <source>Keep the smallest set of tokens whose probabilities add up to p; 1 turns it off.</source>
        <translation>保留累计概率达到 p 的最小词元集合；1 表示关闭。</translation>
    </message>
    <message>
        <source>Drop tokens less likely than p times the most likely one; 0 turns it off.</source>
        <translation>丢弃概率低于最可能词元 p 倍的词元；0 表示关闭。</translation>
    </message>
    <message>
        <source>Locally typical sampling: keep the tokens whose surprise is closest to the entropy, up to mass p; 1 turns it off.</source>
        <translation>局部典型采样：保留惊奇度最接近熵的词元，直到累计概率达到 p；1 表示关闭。</translation>
    </message>
    <message>
        <source>Divides a positive logit (multiplies a negative one) of every token seen in the last 64; 1 turns it off.</source>
        <translation>对最近 64 个词元中出现过的每个词元，将其正 logit 除以该值（负 logit 则乘以该值）；1 表示关闭。</translation>
    </message>
    <message>
        <source>Subtracted once from the logit of every token seen in the last 64.</source>
        <translation>对最近 64 个词元中出现过的每个词元，从其 logit 中减去该值一次。</translation>
    </message>
    <message>
        <source>Subtracted from a token&apos;s logit once per time it was seen in the last 64.</source>
        <translation>词元在最近 64 个词元中每出现一次，就从其 logit 中减去一次该值。</translation>
    </message>
    <message>
        <source>e.g. \n\n, THE END</source>
        <translation>例如 

, THE END</translation>
    </message>
    <message>
        <source>Generation ends when the output ends with one of these. Separate them with commas; write \n for a newline, \t for a tab, \, for a comma, \\ for a backslash.</source>
        <translation>输出以其中任一字符串结尾时停止生成。多个字符串用逗号分隔；换行写作 
，制表符写作 	，逗号写作 \,，反斜杠写作 \。</translation>
    </message>
    <message>
        <source>Fixed seed</source>
        <translation>固定随机种子</translation>
    </message>
    <message>
        <source>Use this seed every time (the same settings give the same text). Unticked, every Generate draws a new seed and shows it here.</source>
        <translation>每次都使用这个种子（相同设置会得到相同的文本）。不勾选时，每次点击“生成”都会抽取新种子并显示在这里。</translation>
    </message>
    <message>
        <source>Shift (cached)</source>
        <translation>平移（使用缓存）</translation>
    </message>
    <message>
        <source>Exact crop (slow)</source>
        <translation>精确裁剪（慢）</translation>
    </message>
    <message>
        <source>Past the context length: Shift keeps the last tokens (Keep) and continues with the KV cache; Exact crop recomputes the last block_size tokens for every token, as nanoGPT&apos;s sample.py.</source>
        <translation>超出上下文长度时：“平移”保留最后若干词元（见“保留”），并借助 KV cache 继续生成；“精确裁剪”每生成一个词元都重新计算最后 block_size 个词元，与 nanoGPT 的 sample.py 相同。</translation>
    </message>
    <message>
        <source>half the context</source>
        <translation>上下文的一半</translation>
    </message>
    <message>
        <source>Shift: how many tokens stay when the window is full.</source>
        <translation>平移：窗口满时保留多少个词元。</translation>
    </message>
    <message>
        <source>Keep:</source>
        <translation>保留：</translation>
    </message>
    <message>
        <source>Temperature:</source>
        <translation>温度：</translation>
    </message>
    <message>
        <source>Top-k:</source>
        <translation>Top-k：</translation>
    </message>
    <message>
        <source>Top-p:</source>
        <translation>Top-p：</translation>
    </message>
    <message>
        <source>Min-p:</source>
        <translation>Min-p：</translation>
    </message>
    <message>
        <source>Typical-p:</source>
        <translation>Typical-p：</translation>
    </message>
    <message>
        <source>Repetition penalty:</source>
        <translation>重复惩罚：</translation>
    </message>
    <message>
        <source>Presence penalty:</source>
        <translation>存在惩罚：</translation>
    </message>
    <message>
        <source>Frequency penalty:</source>
        <translation>频率惩罚：</translation>
    </message>
    <message>
        <source>Max new tokens:</source>
        <translation>最大新词元数：</translation>
    </message>
    <message>
        <source>Stop strings:</source>
        <translation>停止字符串：</translation>
    </message>
    <message>
        <source>Seed:</source>
        <translation>随机种子：</translation>
    </message>
    <message>
        <source>Context:</source>
        <translation>上下文：</translation>
    </message>
    <message>
        <source>Sampler chain (top runs first; untick to skip):</source>
        <translation>采样器链（自上而下依次执行；取消勾选可跳过）：</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>上移</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>下移</translation>
    </message>
    <message>
        <source>bf16 weights (faster)</source>
        <translation>bf16 权重（更快）</translation>
    </message>
    <message>
        <source>Generate on a bfloat16 copy of the weights: a cached token reads half the bytes. The probabilities then differ from fp32 by bf16&apos;s rounding, so the text can differ too. GPT models only.</source>
        <translation>在权重的 bfloat16 副本上生成：有缓存时每个词元只需读取一半的字节。概率会因 bf16 的舍入而与 fp32 略有不同，所以生成的文本也可能不同。仅适用于 GPT 模型。</translation>
    </message>
</context>
<context>
    <name>lmwb::widgets::TeachTab</name>
    <message>
        <source>No model loaded.</source>
        <translation>未加载模型。</translation>
    </message>
    <message>
        <source>Load latest checkpoint</source>
        <translation>加载最新检查点</translation>
    </message>
    <message>
        <source>Load the newest checkpoint of the current run (the one training, or the one opened).</source>
        <translation>加载当前运行（正在训练的或已打开的）的最新检查点。</translation>
    </message>
    <message>
        <source>A prompt to send through the model</source>
        <translation>要送入模型的提示词</translation>
    </message>
    <message>
        <source>The token whose vectors, attention row and next-token reading are shown.</source>
        <translation>要展示其向量、注意力行和下一词元解读的词元。</translation>
    </message>
    <message>
        <source>Head</source>
        <translation>头</translation>
    </message>
    <message>
        <source>Prompt</source>
        <translation>提示词</translation>
    </message>
    <message>
        <source>Token</source>
        <translation>词元</translation>
    </message>
    <message>
        <source>Layer</source>
        <translation>层</translation>
    </message>
    <message>
        <source>◀ Back</source>
        <translation>◀ 上一步</translation>
    </message>
    <message>
        <source>Next block ▶</source>
        <translation>下一个块 ▶</translation>
    </message>
    <message>
        <source>Step through one forward pass, block by block.</source>
        <translation>逐块单步执行一次前向传播。</translation>
    </message>
    <message>
        <source>Block</source>
        <translation>块</translation>
    </message>
    <message>
        <source>Formulas</source>
        <translation>公式</translation>
    </message>
    <message>
        <source>Logit lens</source>
        <translation>Logit 透镜</translation>
    </message>
    <message>
        <source>Computing…</source>
        <translation>正在计算…</translation>
    </message>
    <message>
        <source>Could not load the model: %1</source>
        <translation>无法加载模型：%1</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; — %2</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; — %2</translation>
    </message>
    <message>
        <source>Step %1 of training · %2 tokens · %3 parameters</source>
        <translation>训练第 %1 步 · %2 个词元 · %3 个参数</translation>
    </message>
    <message>
        <source>Step %1 of %2: &lt;b&gt;%3&lt;/b&gt; — %4</source>
        <translation>第 %1 步，共 %2 步：&lt;b&gt;%3&lt;/b&gt; — %4</translation>
    </message>
</context>
<context>
    <name>lmwb::widgets::TokenizerPanel</name>
    <message>
        <source>Id</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Piece</source>
        <translation>片段</translation>
    </message>
    <message>
        <source>Bytes</source>
        <translation>字节数</translation>
    </message>
    <message>
        <source>Count in corpus</source>
        <translation>语料中的出现次数</translation>
    </message>
    <message>
        <source>%1 characters · %2 bytes · %3 tokens · %4 characters/token · %5 bytes/token</source>
        <translation>%1 个字符 · %2 字节 · %3 个词元 · %4 字符/词元 · %5 字节/词元</translation>
    </message>
    <message>
        <source>Text from the corpus</source>
        <translation>来自语料的文本</translation>
    </message>
    <message>
        <source>Take the next passage of the loaded corpus.</source>
        <translation>取已加载语料的下一段。</translation>
    </message>
    <message>
        <source>Type or paste text to tokenize</source>
        <translation>输入或粘贴要分词的文本</translation>
    </message>
    <message>
        <source>Each token in its own box (byte pieces as &lt;0xE5&gt;)</source>
        <translation>每个词元单独一个方框（字节片段显示为 &lt;0xE5&gt;）</translation>
    </message>
    <message>
        <source>Off: a character that the tokenizer cuts into byte tokens is one box with the number of its tokens; hover it for the bytes. On: every token is its own box.</source>
        <translation>关闭：被分词器切成字节词元的字符显示为一个方框，并标出它的词元数，悬停可查看字节。开启：每个词元各占一个方框。</translation>
    </message>
    <message>
        <source>Search the vocabulary (piece, id or bytes)</source>
        <translation>搜索词表（片段、ID 或字节）</translation>
    </message>
    <message>
        <source>Tokenizer:</source>
        <translation>分词器：</translation>
    </message>
    <message>
        <source>Ids:</source>
        <translation>ID：</translation>
    </message>
    <message>
        <source>Vocabulary (click a column to sort):</source>
        <translation>词表（点击列标题排序）：</translation>
    </message>
    <message>
        <source>Only the first %1 characters are tokenized here.</source>
        <translation>此处只对前 %1 个字符进行分词。</translation>
    </message>
    <message>
        <source>Load a corpus or open a tokenizer to see its tokens.</source>
        <translation>加载语料或打开分词器即可查看其词元。</translation>
    </message>
    <message>
        <source>This tokenizer cannot encode the text: %1</source>
        <translation>此分词器无法编码该文本：%1</translation>
    </message>
</context>
<context>
    <name>lmwb::widgets::TokenizerTrainPanel</name>
    <message>
        <source>SentencePiece unigram</source>
        <translation>SentencePiece unigram</translation>
    </message>
    <message>
        <source>SentencePiece BPE</source>
        <translation>SentencePiece BPE</translation>
    </message>
    <message>
        <source>Byte-level BPE (as GPT-2)</source>
        <translation>字节级 BPE（与 GPT-2 相同）</translation>
    </message>
    <message>
        <source>Characters (char)</source>
        <translation>字符（char）</translation>
    </message>
    <message>
        <source>The share of the corpus&apos;s characters that get their own piece; the rarest rest fall back to byte pieces. 1.0 for English, 0.9995 for Chinese.</source>
        <translation>语料中拥有独立片段的字符所占的比例；其余最罕见的字符会退回为字节片段。英文用 1.0，中文用 0.9995。</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Train tokenizer</source>
        <translation>训练分词器</translation>
    </message>
    <message>
        <source>Use in new run…</source>
        <translation>用于新运行…</translation>
    </message>
    <message>
        <source>Open the training wizard with this tokenizer.</source>
        <translation>用此分词器打开训练向导。</translation>
    </message>
    <message>
        <source>Sweep</source>
        <translation>扫描</translation>
    </message>
    <message>
        <source>Train one tokenizer of the chosen kind per vocabulary size on the first 512 KiB of the corpus and plot how many characters one token covers.</source>
        <translation>在语料的前 512 KiB 上，为每个词表大小训练一个所选类型的分词器，并绘制每个词元平均覆盖多少个字符。</translation>
    </message>
    <message>
        <source>vocabulary size</source>
        <translation>词表大小</translation>
    </message>
    <message>
        <source>per token</source>
        <translation>每词元</translation>
    </message>
    <message>
        <source>characters per token</source>
        <translation>每词元字符数</translation>
    </message>
    <message>
        <source>bytes per token</source>
        <translation>每词元字节数</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>类型：</translation>
    </message>
    <message>
        <source>Vocabulary size:</source>
        <translation>词表大小：</translation>
    </message>
    <message>
        <source>Character coverage:</source>
        <translation>字符覆盖率：</translation>
    </message>
    <message>
        <source>Save to:</source>
        <translation>保存到：</translation>
    </message>
    <message>
        <source>Compression against vocabulary size, sizes:</source>
        <translation>压缩率随词表大小的变化，词表大小：</translation>
    </message>
    <message>
        <source>Save the tokenizer in</source>
        <translation>将分词器保存到</translation>
    </message>
    <message>
        <source>Load a corpus in the Dataset view first: the tokenizer learns from it.</source>
        <translation>请先在数据集视图中加载语料：分词器要从中学习。</translation>
    </message>
    <message>
        <source>Choose the folder to save the tokenizer in.</source>
        <translation>选择用于保存分词器的文件夹。</translation>
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
        <source>Saved %1 tokens to %2 · %3 characters/token, %4 bytes/token on the corpus.</source>
        <translation>已将含 %1 个词元的分词器保存到 %2 · 在该语料上为 %3 字符/词元、%4 字节/词元。</translation>
    </message>
    <message>
        <source>Load a corpus in the Dataset view first: the sweep trains on it.</source>
        <translation>请先在数据集视图中加载语料：扫描要在它上面进行训练。</translation>
    </message>
    <message>
        <source>The sweep sizes must be whole numbers from 8 to 200000 separated by commas; “%1” is not.</source>
        <translation>扫描用的词表大小必须是 8 到 200000 之间的整数，并用逗号分隔；“%1”不符合要求。</translation>
    </message>
    <message>
        <source>Give at least one vocabulary size for the sweep.</source>
        <translation>请至少为扫描给出一个词表大小。</translation>
    </message>
    <message numerus="yes">
        <source>Sweeping %n vocabulary size(s)…</source>
        <translation>
            <numerusform>正在扫描 %n 个词表大小…</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message numerus="yes">
        <source>Sweep done: %n tokenizer(s) trained on the first 512 KiB of the corpus.</source>
        <translation>
            <numerusform>扫描完成：已在语料的前 512 KiB 上训练了 %n 个分词器。</numerusform>
        </translation>
    </message>
    <message>
        <source>Some sizes failed — %1</source>
        <translation>部分词表大小训练失败 — %1</translation>
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
    <message>
        <source>fine-tuned from %1</source>
        <translation>微调自 %1</translation>
    </message>
    <message>
        <source>base model %1</source>
        <translation>基础模型 %1</translation>
    </message>
    <message>
        <source>%1 train (%2 %)</source>
        <translation>训练其中 %1 个（%2 %）</translation>
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
    <message>
        <source>── %1 line %2 ── prompt:</source>
        <translation>── %1 第 %2 行 ── 提示：</translation>
    </message>
    <message>
        <source>── response (the loss counts these tokens):</source>
        <translation>── 回答（损失只计算这些词元）：</translation>
    </message>
    <message>
        <source>Prompt/response pairs (JSONL)</source>
        <translation>提示/回答对（JSONL）</translation>
    </message>
    <message>
        <source>data.format. Plain text is used as it is. Fortune files have entries separated by lines holding only %; the separators and colour escapes are removed. Prompt/response pairs are JSONL, one {&quot;prompt&quot;, &quot;completion&quot;} or Alpaca {&quot;instruction&quot;, &quot;input&quot;, &quot;output&quot;} object a line; the loss counts the response tokens only.</source>
        <translation>data.format。纯文本按原样使用。格言文件的条目之间以只含 % 的行分隔；分隔行和颜色转义码会被去掉。提示/回答对是 JSONL，每行一个 {&quot;prompt&quot;, &quot;completion&quot;} 或 Alpaca 格式的 {&quot;instruction&quot;, &quot;input&quot;, &quot;output&quot;} 对象；损失只计算回答部分的词元。</translation>
    </message>
    <message>
        <source>Prompt/response pairs to train on</source>
        <translation>用于训练的提示/回答对</translation>
    </message>
    <message>
        <source>JSON Lines (*.jsonl *.json);;All files (*)</source>
        <translation>JSON Lines 文件 (*.jsonl *.json);;所有文件 (*)</translation>
    </message>
    <message>
        <source>The prompt/response pairs to fine-tune on: JSONL files, one example a line. Lines that are not valid JSON or lack their fields are listed and skipped; the rest loads.</source>
        <translation>用于微调的提示/回答对：JSONL 文件，每行一个样例。不是有效 JSON 或缺少字段的行会被列出并跳过，其余照常载入。</translation>
    </message>
    <message>
        <source>First pairs:</source>
        <translation>前几个样例：</translation>
    </message>
    <message>
        <source>The first pairs: the prompt the model reads and the response it learns.</source>
        <translation>前几个样例：模型读到的提示，以及它要学会的回答。</translation>
    </message>
    <message>
        <source>%1 pairs train / no validation</source>
        <translation>%1 对用于训练 / 不做验证</translation>
    </message>
    <message>
        <source>%1 pairs train / %2 validation</source>
        <translation>%1 对用于训练 / %2 对用于验证</translation>
    </message>
    <message>
        <source>Fine-tuning on prompt/response pairs needs JSONL files in the pairs format.</source>
        <translation>在提示/回答对上微调，需要提示/回答对格式的 JSONL 文件。</translation>
    </message>
    <message>
        <source>Prompt/response pairs: %1 · %2</source>
        <translation>提示/回答对：%1 个 · %2</translation>
    </message>
    <message>
        <source>Lines skipped (the rest is used): %1</source>
        <translation>跳过的行（其余照常使用）：%1</translation>
    </message>
    <message>
        <source>… and %1 more</source>
        <translation>……还有 %1 行</translation>
    </message>
    <message>
        <source>Too few pairs (%1) for a validation split: add pairs or set the validation fraction to 0.</source>
        <translation>样例太少（%1 个），无法划出验证集：请添加样例，或把验证比例设为 0。</translation>
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
        <source>Run directory to continue</source>
        <translation>选择要继续的运行目录</translation>
    </message>
    <message>
        <source>No runs in the workspace yet.</source>
        <translation>工作区中还没有运行。</translation>
    </message>
    <message>
        <source>Train a new language model from scratch, continue a run you started before, or fine-tune a trained or imported model.</source>
        <translation>从零训练一个新的语言模型、继续之前开始的运行，或微调一个已训练或导入的模型。</translation>
    </message>
    <message>
        <source>Fine-tune a trained or imported model</source>
        <translation>微调已训练或已导入的模型</translation>
    </message>
    <message>
        <source>A new run that starts from the weights of the run chosen above (for example GPT-2 opened with File ▸ Open Hugging Face Model Folder…). The model keeps its own architecture and tokenizer (training.init_from); the Train tab shows the base model&apos;s loss as a reference line.</source>
        <translation>新建一个运行，从上面所选运行的权重开始（例如通过“文件 ▸ 打开 Hugging Face 模型文件夹…”打开的 GPT-2）。模型保留自己的结构和分词器（training.init_from）；“训练”标签页会把基础模型的损失画成一条参考线。</translation>
    </message>
    <message>
        <source>on new text (continued pretraining)</source>
        <translation>在新文本上（继续预训练）</translation>
    </message>
    <message>
        <source>Learn from plain text you choose next, the same way the model was pretrained.</source>
        <translation>在接下来选择的纯文本上学习，方式与模型预训练时相同。</translation>
    </message>
    <message>
        <source>on prompt/response pairs (JSONL)</source>
        <translation>在提示/回答对上（JSONL）</translation>
    </message>
    <message>
        <source>Learn to answer: each line of a JSONL file is one example, and the loss counts only the response tokens (data.format &quot;pairs&quot;). LoRA and freezing are on the Training page.</source>
        <translation>学会回答：JSONL 文件的每一行是一个样例，损失只计算回答部分的词元（data.format &quot;pairs&quot;）。LoRA 和冻结选项在“训练”页面上。</translation>
    </message>
    <message>
        <source>Start from the chosen run&apos;s weights (an imported GPT-2 too); its architecture and tokenizer stay, so the tokenizer and model pages are skipped.</source>
        <translation>从所选运行的权重开始（导入的 GPT-2 也可以）；其结构和分词器保持不变，因此会跳过分词器页面和模型页面。</translation>
    </message>
    <message>
        <source>One JSON object a line: {&quot;prompt&quot;: …, &quot;completion&quot;: …}, or Alpaca&apos;s {&quot;instruction&quot;: …, &quot;input&quot;: …, &quot;output&quot;: …}. The model reads the prompt and learns the completion (the loss counts the response tokens only). An Alpaca record becomes this prompt, with its output as the response:</source>
        <translation>每行一个 JSON 对象：{&quot;prompt&quot;: …, &quot;completion&quot;: …}，或 Alpaca 格式的 {&quot;instruction&quot;: …, &quot;input&quot;: …, &quot;output&quot;: …}。模型读入提示，学习补全内容（损失只计算回答部分的词元）。一条 Alpaca 记录会变成下面这样的提示，其 output 作为回答：</translation>
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
    <message>
        <source>Use a saved tokenizer…</source>
        <translation>使用已保存的分词器…</translation>
    </message>
    <message>
        <source>Use a tokenizer folder trained before (in the Data &amp; Tokenizer tab or with lmwb tokenizer-train) instead of training one here.</source>
        <translation>使用之前训练好的分词器文件夹（在“数据与分词器”标签页中或用 lmwb tokenizer-train 训练的），而不在这里训练新的。</translation>
    </message>
    <message>
        <source>Choose a tokenizer folder</source>
        <translation>选择分词器文件夹</translation>
    </message>
    <message>
        <source>Cannot use the tokenizer in %1: %2</source>
        <translation>无法使用 %1 中的分词器：%2</translation>
    </message>
    <message>
        <source>Using the saved tokenizer in %1: %2 tokens.</source>
        <translation>正在使用 %1 中已保存的分词器：%2 个词元。</translation>
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
    <message>
        <source>Processes on this machine:</source>
        <translation>本机进程数：</translation>
    </message>
    <message>
        <source>Data-parallel training: this many processes each train on their share of every batch (batch size rows each) and average their gradients, as `lmwb train --nproc N`. Give each one thread or more; on 2 cores, 2 processes x 1 thread. The window itself trains in one process; the command on the summary page and the torchrun line below use this number.</source>
        <translation>数据并行训练：这些进程各自在每个批次中属于自己的那一份上训练（每个进程各处理“批次大小”行），并对梯度取平均，与 `lmwb train --nproc N` 相同。每个进程至少分配一个线程；2 核机器上用 2 个进程 × 1 个线程。窗口本身只在一个进程中训练；摘要页上的命令和下方的 torchrun 命令行会使用这个数。</translation>
    </message>
    <message>
        <source>On a cluster:</source>
        <translation>在集群上：</translation>
    </message>
    <message>
        <source>The same run on several machines with PyTorch&apos;s torchrun: run this on every machine, with --node_rank 0 on the first (MASTER_HOST) and 1, 2, ... on the others, and the run folder on a shared disk. torchrun 1.13 needs the underscore spellings and --redirects 1 --tee 1.</source>
        <translation>借助 PyTorch 的 torchrun 在多台机器上进行同样的运行：在每台机器上运行此命令，第一台（MASTER_HOST）用 --node_rank 0，其他机器依次用 1、2、...，运行文件夹须放在共享磁盘上。torchrun 1.13 需要使用下划线拼写，并加上 --redirects 1 --tee 1。</translation>
    </message>
    <message>
        <source>Fine-tuning: what trains</source>
        <translation>微调：训练哪些参数</translation>
    </message>
    <message>
        <source>Freeze the embeddings</source>
        <translation>冻结嵌入层</translation>
    </message>
    <message>
        <source>training.freeze_embeddings: the token and position tables (wte, wpe, and so a tied output layer) keep their pretrained values.</source>
        <translation>training.freeze_embeddings：词元嵌入表和位置嵌入表（wte、wpe，以及与之共享权重的输出层）保持预训练时的值。</translation>
    </message>
    <message>
        <source>Freeze the first layers:</source>
        <translation>冻结前几层：</translation>
    </message>
    <message>
        <source>training.freeze_layers: blocks h.0 … h.N-1 keep their pretrained weights; the lower layers hold the most general features.</source>
        <translation>training.freeze_layers：模块 h.0 … h.N-1 保持预训练权重；越底层的层保存的特征越通用。</translation>
    </message>
    <message>
        <source>LoRA adapters</source>
        <translation>LoRA 适配器</translation>
    </message>
    <message>
        <source>training.lora (Hu et al. 2021): every weight of the model stays frozen and a small update W + alpha/r · B·A is learned on the chosen projections, a fraction of the parameters. Checkpoints hold the merged weights, so generation, the Attention tab and Export to Hugging Face see the tuned model.</source>
        <translation>training.lora（Hu 等，2021）：模型的所有权重保持冻结，只在所选的投影上学习一个小的更新 W + alpha/r · B·A，参数量只占一小部分。检查点保存的是合并后的权重，因此生成、“注意力”标签页和导出到 Hugging Face 看到的都是微调后的模型。</translation>
    </message>
    <message>
        <source>Rank r:</source>
        <translation>秩 r：</translation>
    </message>
    <message>
        <source>training.lora.rank: the inner size of B·A. 4 to 16 is typical; more is closer to full fine-tuning.</source>
        <translation>training.lora.rank：B·A 的中间维度。常用 4 到 16；越大越接近全量微调。</translation>
    </message>
    <message>
        <source>Alpha:</source>
        <translation>Alpha：</translation>
    </message>
    <message>
        <source>training.lora.alpha: the update is scaled by alpha / r, so the learning rate need not change with the rank.</source>
        <translation>training.lora.alpha：更新量按 alpha / r 缩放，因此改变秩时不必调整学习率。</translation>
    </message>
    <message>
        <source>On:</source>
        <translation>作用于：</translation>
    </message>
    <message>
        <source>training.lora.targets: an adapter on %1 of every unfrozen layer.</source>
        <translation>training.lora.targets：在每个未冻结层的 %1 上加一个适配器。</translation>
    </message>
    <message>
        <source>Trains %1 of the model&apos;s %2 parameters (%3 %).</source>
        <translation>训练模型 %2 个参数中的 %1 个（%3 %）。</translation>
    </message>
    <message>
        <source>training.lora.targets: tick at least one projection for the LoRA adapters.</source>
        <translation>training.lora.targets：请为 LoRA 适配器至少勾选一个投影。</translation>
    </message>
    <message>
        <source>training.freeze_layers (%1) is more than the model&apos;s %2 layers.</source>
        <translation>training.freeze_layers（%1）超过了模型的 %2 层。</translation>
    </message>
</context>
<context>
    <name>widgets</name>
    <message>
        <source>this is an LSTM, which has no attention</source>
        <translation>这是 LSTM，没有注意力</translation>
    </message>
    <message>
        <source>the prompt is empty</source>
        <translation>提示词为空</translation>
    </message>
    <message>
        <source>The prompt has %1 tokens; only the first %2 (the model&apos;s context length) are shown.</source>
        <translation>提示词有 %1 个词元；只显示前 %2 个（模型的上下文长度）。</translation>
    </message>
</context>
</TS>
