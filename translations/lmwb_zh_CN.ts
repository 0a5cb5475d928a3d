<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>lmwb::app::MainWindow</name>
    <message>
        <source>LM Workbench</source>
        <translation>语言模型工作台</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>步数</translation>
    </message>
    <message>
        <source>Best val loss</source>
        <translation>最佳验证损失</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Every run directory under the workspace folder. Select one to see its curves and configuration.</source>
        <translation>工作区文件夹下的每个运行目录。选择一个即可查看其曲线和配置。</translation>
    </message>
    <message>
        <source>No run selected</source>
        <translation>未选择运行</translation>
    </message>
    <message>
        <source>Metrics</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Configuration</source>
        <translation>配置</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>Open &amp;Workspace...</source>
        <translation>打开工作区(&amp;W)...</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
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
    <message numerus="yes">
        <source>%n run(s) in %1</source>
        <translation><numerusform>%1 中有 %n 个运行</numerusform></translation>
    </message>
    <message>
        <source>%1 — step %2 of %3</source>
        <translation>%1 — 第 %2 步，共 %3 步</translation>
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
        <source>&lt;h3&gt;LM Workbench %1&lt;/h3&gt;&lt;p&gt;Train small language models from scratch on your own computer and look inside them while they learn.&lt;/p&gt;&lt;p&gt;Built with Qt, LibTorch, QCustomPlot and sentencepiece. Licensed under the GNU GPL, version 3 or later.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;语言模型工作台 %1&lt;/h3&gt;&lt;p&gt;在你自己的电脑上从零训练小型语言模型，并在它学习时观察其内部。&lt;/p&gt;&lt;p&gt;基于 Qt、LibTorch、QCustomPlot 和 sentencepiece 构建。以 GNU GPL 第 3 版或更高版本授权。&lt;/p&gt;</translation>
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
        <translation><numerusform>%1 中有 %n 个运行</numerusform></translation>
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
        <translation><numerusform>删除 %n 个运行及其全部检查点？此操作无法撤销。

%1</numerusform></translation>
    </message>
</context>
</TS>
