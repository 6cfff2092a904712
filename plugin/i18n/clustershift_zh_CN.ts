<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ClusterShift</name>
    <message>
        <location filename="../data_tab.cpp" line="+61"/>
        <source>Id</source>
        <translation>编码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chinese name</source>
        <translation>中文名称</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Province</source>
        <translation>省份</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Population</source>
        <translation>常住人口</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Working-age population</source>
        <translation>劳动年龄人口</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>GDP</source>
        <translation>地区生产总值</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Value added, primary</source>
        <translation>第一产业增加值</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Value added, secondary</source>
        <translation>第二产业增加值</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Value added, tertiary</source>
        <translation>第三产业增加值</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Employment, primary</source>
        <translation>第一产业从业人员</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Employment, secondary</source>
        <translation>第二产业从业人员</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Employment, tertiary</source>
        <translation>第三产业从业人员</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Average wage</source>
        <translation>平均工资</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>R&amp;D spending</source>
        <translation>研发经费支出</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Industrial land price</source>
        <translation>工业用地价格</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Level</source>
        <translation>园区级别</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lead industries</source>
        <translation>主导产业</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Area (ha)</source>
        <translation>面积（公顷）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Available land (ha)</source>
        <translation>可用土地（公顷）</translation>
    </message>
    <message>
        <location filename="../dock_internal.h" line="+143"/>
        <source>[error]</source>
        <translation>[错误]</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>[warning]</source>
        <translation>[警告]</translation>
    </message>
</context>
<context>
    <name>clustershift::plugin::AhpDialog</name>
    <message>
        <location filename="../ahp_dialog.cpp" line="+79"/>
        <source>AHP pairwise comparison</source>
        <translation>层次分析法（AHP）两两比较</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>How much more important is the row criterion than the column criterion? Saaty&apos;s scale: 1 equal, 3 moderate, 5 strong, 7 very strong, 9 extreme; 1/x the reverse.</source>
        <translation>行指标相对列指标的重要程度？Saaty 标度：1 同等重要，3 稍重要，5 明显重要，7 强烈重要，9 极端重要；1/x 表示反过来。</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Reciprocal of the cell above the diagonal</source>
        <translation>对角线上方对应单元格的倒数</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>λmax</source>
        <translation>λmax</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CI</source>
        <translation>CI</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CR</source>
        <translation>CR</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Weights</source>
        <translation>权重</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>consistent, &lt; 0.10</source>
        <translation>一致性可接受，&lt; 0.10</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>inconsistent, ≥ 0.10</source>
        <translation>一致性不足，≥ 0.10</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Hint: %1</source>
        <translation>提示：%1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>error</source>
        <translation>错误</translation>
    </message>
</context>
<context>
    <name>clustershift::plugin::ClusterShiftDock</name>
    <message>
        <location filename="../dock_project.cpp" line="+170"/>
        <location filename="../dock_run.cpp" line="+252"/>
        <location line="+23"/>
        <location line="+6"/>
        <location line="+169"/>
        <location filename="../dock_widget.cpp" line="+11"/>
        <location line="+352"/>
        <location line="+110"/>
        <location line="+2"/>
        <source>ClusterShift</source>
        <translation>ClusterShift 产业集群转移</translation>
    </message>
    <message>
        <location filename="../dock_widget.cpp" line="-413"/>
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cluster</source>
        <translation>产业集群</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Criteria</source>
        <translation>评价指标</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cluster and transfer mode</source>
        <translation>产业集群与转移模式</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Run and results</source>
        <translation>运行与结果</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Load a ClusterShift scenario</source>
        <translation>加载 ClusterShift 情景</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+8"/>
        <source>ClusterShift scenario (*.json)</source>
        <translation>ClusterShift 情景（*.json）</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Save the ClusterShift scenario</source>
        <translation>保存 ClusterShift 情景</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>(scenario file below)</source>
        <translation>（使用下方的情景文件）</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Scenario loaded: %1</source>
        <translation>已加载情景：%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scenario “%1” loaded. Check the tabs, then press Run.</source>
        <translation>已加载情景“%1”。请检查各选项卡，然后点击“运行”。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The scenario %1 has problems</source>
        <translation>情景 %1 存在问题</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cannot read the scenario %1: %2</source>
        <translation>无法读取情景 %1：%2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cannot read the scenario %1: unknown internal error</source>
        <translation>无法读取情景 %1：未知内部错误</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Save scenario</source>
        <translation>保存情景</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The table(s) %1 come from layers without a file; the run reads temporary copies that are gone when QGIS closes. Save them as GeoPackages in %2 so the scenario reopens with them?</source>
        <translation>表 %1 来自没有文件的图层；运行读取的是临时副本，QGIS 关闭后即消失。是否将其另存为 GeoPackage 于 %2，使情景重新打开时仍可使用？</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The scenario names temporary table copies: choose the tables again after reopening it.</source>
        <translation>情景引用的是临时表副本：重新打开后请重新选择这些表。</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Cannot write the scenario %1: %2</source>
        <translation>无法写入情景 %1：%2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cannot save the scenario: %1</source>
        <translation>无法保存情景：%1</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+1"/>
        <source>Scenario saved: %1</source>
        <translation>情景已保存：%1</translation>
    </message>
    <message>
        <location line="+236"/>
        <source>ERROR</source>
        <translation>错误</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <location filename="../dock_run.cpp" line="-407"/>
        <location filename="../dock_widget.cpp" line="-189"/>
        <source>Choose a region layer and a park layer (or press “Load sample data”).</source>
        <translation>请选择地区图层和园区图层（或点击“加载示例数据”）。</translation>
    </message>
    <message>
        <location filename="../dock_widget.cpp" line="+51"/>
        <source>Choose a region layer on the Data tab first.</source>
        <translation>请先在“数据”选项卡中选择地区图层。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose a park layer on the Data tab first.</source>
        <translation>请先在“数据”选项卡中选择园区图层。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Click the source region on the map (Esc cancels).</source>
        <translation>请在地图上点击转出地区（按 Esc 取消）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Click the cluster&apos;s location on the map (Esc cancels).</source>
        <translation>请在地图上点击产业集群所在位置（按 Esc 取消）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Click the template park on the map (Esc cancels).</source>
        <translation>请在地图上点击模板园区（按 Esc 取消）。</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Feature %1 selected in %2.</source>
        <translation>已在 %2 中选中要素 %1。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No park or region with the id %1.</source>
        <translation>没有编码为 %1 的园区或地区。</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>The picked feature has no “%1” value.</source>
        <translation>所选要素没有“%1”值。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Cluster location picked on the map: %1, %2 (region %3)</source>
        <translation>已在地图上选取集群位置：%1, %2（地区 %3）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The picked point cannot be converted to longitude/latitude: %1</source>
        <translation>选取的点无法换算为经纬度：%1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Source region picked on the map: %1</source>
        <translation>已在地图上选取转出地区：%1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Template park picked on the map: %1</source>
        <translation>已在地图上选取模板园区：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Picked %1.</source>
        <translation>已选取 %1。</translation>
    </message>
    <message>
        <location filename="../dock_project.cpp" line="-151"/>
        <source>Sample data not found: set CLUSTERSHIFT_DATA to the sample_data folder.</source>
        <translation>未找到示例数据：请将环境变量 CLUSTERSHIFT_DATA 设为 sample_data 文件夹。</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Sample data file missing: %1</source>
        <translation>缺少示例数据文件：%1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Cannot open sample layer %1</source>
        <translation>无法打开示例图层 %1</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Loaded sample data from %1</source>
        <translation>已从 %1 加载示例数据</translation>
    </message>
    <message>
        <location line="+71"/>
        <source>The scenario&apos;s table(s) %1 come from layers without a file: the saved scenario points at temporary copies that are gone when QGIS closes.</source>
        <translation>情景中的表 %1 来自没有文件的图层：保存的情景引用的是临时副本，QGIS 关闭后即消失。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Save them as GeoPackages in the project folder</source>
        <translation>另存为工程文件夹中的 GeoPackage</translation>
    </message>
    <message>
        <location line="+9"/>
        <location filename="../dock_widget.cpp" line="-247"/>
        <source>Table saved as %1</source>
        <translation>表已保存为 %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Tables saved in the project folder; the project names them now.</source>
        <translation>表已保存到工程文件夹，工程现已引用这些文件。</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Scenario restored from the project</source>
        <translation>已从项目恢复情景</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Scenario “%1” restored from the project.</source>
        <translation>已从项目恢复情景“%1”。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The project&apos;s ClusterShift scenario cannot be restored: %1</source>
        <translation>无法恢复项目中的 ClusterShift 情景：%1</translation>
    </message>
    <message>
        <location line="+74"/>
        <source>The last results cannot be shown: %1</source>
        <translation>无法显示上次的结果：%1</translation>
    </message>
    <message>
        <location line="+226"/>
        <source>The run information of %1 cannot be read: %2</source>
        <translation>无法读取 %1 的运行信息：%2</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>Inputs of the run loaded from its run information into “%1”</source>
        <translation>已根据运行信息把本次运行的输入数据载入“%1”</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Inputs of the run not found (choose them in the Data tab): %1</source>
        <translation>未找到本次运行的输入数据（请在“数据”页选择）：%1</translation>
    </message>
    <message>
        <location filename="../dock_run.cpp" line="-10"/>
        <location line="+91"/>
        <source>A run is already in progress.</source>
        <translation>已有一次运行正在进行。</translation>
    </message>
    <message>
        <location line="-77"/>
        <source>Choose a scenario file or a sample scenario.</source>
        <translation>请选择情景文件或示例情景。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Scenario %1</source>
        <translation>情景 %1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Layer %1: attribute encoding set to %2</source>
        <translation>图层 %1：属性编码设为 %2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>complete transfer</source>
        <translation>整体转移</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>partial transfer</source>
        <translation>部分转移</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>replication</source>
        <translation>复制扩张</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mode %1; criteria: %2 enabled of %3; weighting %4, aggregation %5</source>
        <translation>转移模式 %1；评价指标：已启用 %2 个（共 %3 个）；赋权方法 %4，集成方法 %5</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Layers: %1 (%2 features), %3 (%4 features)</source>
        <translation>图层：%1（%2 个要素），%3（%4 个要素）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Output folder: %1</source>
        <translation>输出文件夹：%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ClusterShift: %1</source>
        <translation>ClusterShift：%1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Run stopped.</source>
        <translation>运行已停止。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Running “%1”…</source>
        <translation>正在运行“%1”…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The scenario or the data have problems</source>
        <translation>情景或数据存在问题</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cannot read input: %1</source>
        <translation>无法读取输入：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cannot start the run: %1</source>
        <translation>无法开始运行：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cannot start the run: unknown internal error</source>
        <translation>无法开始运行：未知内部错误</translation>
    </message>
    <message>
        <location line="+15"/>
        <location line="+54"/>
        <source>ClusterShift: compare modes, %1</source>
        <translation>ClusterShift：转移模式比较，%1</translation>
    </message>
    <message>
        <location line="-40"/>
        <source>Comparing complete, partial and replication for “%1”…</source>
        <translation>正在比较“%1”的整体转移、部分转移和复制扩张…</translation>
    </message>
    <message>
        <location line="-13"/>
        <source>Comparing the modes</source>
        <translation>正在比较转移模式</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Run a scenario first, or open a results project whose inputs are found: the comparison uses a ranking.</source>
        <translation>请先运行一个情景，或打开能找到输入数据的结果项目：模式比较需要一个排名。</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>%1: the stored comparison of the modes is current (the inputs are those of the run); shown without recomputing.</source>
        <translation>%1：已保存的转移模式比较仍然有效（输入数据与该次运行相同），直接显示，未重新计算。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1: the three modes compared (stored results, inputs unchanged).</source>
        <translation>%1：三种模式已比较（已保存的结果，输入数据未变）。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The inputs changed since the stored run: its ranking is recomputed from its scenario and the current inputs, then the modes are compared</source>
        <translation>自保存的运行以来输入数据已改变：按其情景和当前输入重新计算排序，再比较各转移模式</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Comparing the modes over the stored run (ranking recomputed from its scenario and inputs)</source>
        <translation>基于已保存的运行比较转移模式（按其情景和输入数据重新计算排名）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The stored scenario or the data have problems</source>
        <translation>已保存的情景或数据有问题</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cannot compare the modes of the stored run: %1</source>
        <translation>无法比较已保存运行的转移模式：%1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Task finished after %1 ms</source>
        <translation>任务用时 %1 毫秒</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Results written: %1</source>
        <translation>结果已写入：%1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1: the three modes compared; the next report includes the comparison.</source>
        <translation>%1：三种转移模式已比较，下一份报告将包含比较结果。</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>%1: %2 parks ranked, %3 excluded%4.</source>
        <translation>%1：%2 个园区参与排序，%3 个被排除%4。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>; best host: %1</source>
        <translation>；最佳承接园区：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Press “Print report…” for the PDF.</source>
        <translation>点击“打印报告…”生成 PDF。</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+2"/>
        <source>Run cancelled.</source>
        <translation>运行已取消。</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Run cancelled</source>
        <translation>运行已取消</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Run failed: %1</source>
        <translation>运行失败：%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Run failed: the scenario or the data have problems</source>
        <translation>运行失败：情景或数据存在问题</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cannot add the result layers: %1</source>
        <translation>无法添加结果图层：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cannot add the result layers: unknown internal error</source>
        <translation>无法添加结果图层：未知内部错误</translation>
    </message>
    <message>
        <location line="+123"/>
        <source>Run a scenario first.</source>
        <translation>请先运行一个情景。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A report is already being written.</source>
        <translation>报告正在生成中。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Save the ClusterShift report</source>
        <translation>保存 ClusterShift 报告</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF（*.pdf）</translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>Report written (%n page(s)): %1</source>
        <translation>
            <numerusform>报告已生成（%n 页）：%1</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+7"/>
        <source>Report written: %1</source>
        <translation>报告已生成：%1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Report layouts added to the project (%1)</source>
        <translation>报告布局已添加到项目（%1）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The report layouts could not be added to the project: %1</source>
        <translation>无法将报告布局添加到项目：%1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>ClusterShift: report %1</source>
        <translation>ClusterShift：报告 %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Report cancelled.</source>
        <translation>报告已取消。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cannot write the report: %1</source>
        <translation>无法生成报告：%1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Writing the report…</source>
        <translation>正在生成报告…</translation>
    </message>
    <message numerus="yes">
        <location filename="../dock_widget.cpp" line="+260"/>
        <source>%1 (%n error(s)): %2</source>
        <translation>
            <numerusform>%1（%n 个错误）：%2</numerusform>
        </translation>
    </message>
    <message>
        <source>unknown internal error</source>
        <translation>未知内部错误</translation>
    </message>
</context>
<context>
    <name>clustershift::plugin::ClusterShiftPlugin</name>
    <message>
        <location filename="../clustershift_plugin.cpp" line="+82"/>
        <source>ClusterShift: cluster transfer sites…</source>
        <translation>ClusterShift：产业集群转移选址…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Open the ClusterShift panel: score host parks for an industrial cluster transfer</source>
        <translation>打开 ClusterShift 面板：为产业集群转移评价候选承接园区</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Identify ClusterShift park</source>
        <translation>识别 ClusterShift 园区</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Click a park on the map to see its score, rank, robustness and criterion contributions</source>
        <translation>在地图上点击园区，查看其评分、排名、稳健性和各指标贡献</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>ClusterShift</source>
        <translation>ClusterShift 产业集群转移</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>ClusterShift %1 loaded</source>
        <translation>ClusterShift %1 已加载</translation>
    </message>
    <message>
        <source>Study-area projection</source>
        <translation>研究区投影</translation>
    </message>
    <message>
        <source>The project's map projection is an equal-area projection fitted to the study area; QGIS does not know it by name (the status bar says “Unknown CRS”).

Register it in QGIS as the user projection “%1” (Settings ▸ Custom Projections)? QGIS then shows its name and code here and in other projects.</source>
        <translation>本项目的地图投影是按研究区拟合的等积投影，QGIS 不知道它的名称（状态栏显示“未知CRS”）。

是否在 QGIS 中把它登记为用户投影“%1”（设置 ▸ 自定义投影）？登记后，QGIS 在本项目和其他项目中都会显示它的名称和代码。</translation>
    </message>
    <message>
        <source>The projection could not be registered in QGIS.</source>
        <translation>无法在 QGIS 中登记该投影。</translation>
    </message>
    <message>
        <source>Projection registered as %1 (%2).</source>
        <translation>投影已登记为 %1（%2）。</translation>
    </message>
</context>
<context>
    <name>clustershift::plugin::ClusterTab</name>
    <message>
        <location filename="../cluster_tab.cpp" line="+68"/>
        <source>Cluster</source>
        <translation>产业集群</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Shipped cluster profiles; choosing one replaces the segment table</source>
        <translation>内置产业集群画像；选择后将替换价值链环节表</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Preset</source>
        <translation>预设</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Segment</source>
        <translation>环节</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Jobs</source>
        <translation>就业</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>VA</source>
        <translation>增加值率</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Mov.</source>
        <translation>可转移</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Out.</source>
        <translation>产值</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>KI</source>
        <translation>知识</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>J/ha</source>
        <translation>就业/公顷</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Value-chain segment</source>
        <translation>价值链环节</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Share of the cluster&apos;s output (0–1)</source>
        <translation>占产业集群产值的比重（0–1）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Share of the cluster&apos;s jobs (0–1)</source>
        <translation>占产业集群就业的比重（0–1）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Value-added rate: value added / output (0–1)</source>
        <translation>增加值率：增加值 / 产值（0–1）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Knowledge intensity (0–1)</source>
        <translation>知识密集度（0–1）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Jobs per hectare of park land (land need)</source>
        <translation>每公顷园区用地就业人数（用于测算用地需求）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Movable: moves by default in a partial transfer</source>
        <translation>可转移：部分转移时默认转移该环节</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Double-click a number to edit it; shares are fractions of the whole cluster</source>
        <translation>双击数值即可编辑；比重为占整个产业集群的份额</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Source region</source>
        <translation>转出地区</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Region the cluster leaves</source>
        <translation>产业集群迁出的地区</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+16"/>
        <location line="+63"/>
        <source>Pick</source>
        <translation>选取</translation>
    </message>
    <message>
        <location line="-77"/>
        <source>Click a region on the map</source>
        <translation>在地图上点击地区</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>lon, lat (empty: the region&apos;s own location)</source>
        <translation>经度, 纬度（留空：使用该地区自身的位置）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Where the cluster is, in degrees (WGS84/CGCS2000), e.g. 120.65, 28.01; distances and travel times start here</source>
        <translation>集群所在位置，单位为度（WGS84/CGCS2000），例如 120.65, 28.01；距离和通行时间从这里起算</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Click the cluster&apos;s location on the map (also sets the source region)</source>
        <translation>在地图上点击集群位置（同时设定转出地）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Location</source>
        <translation>位置</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Transfer mode</source>
        <translation>转移模式</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Complete</source>
        <translation>整体转移</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The whole value chain moves</source>
        <translation>整条价值链转移</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Partial</source>
        <translation>部分转移</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Only the checked segments move</source>
        <translation>仅转移勾选的环节</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+18"/>
        <source>Replication</source>
        <translation>复制扩张</translation>
    </message>
    <message>
        <location line="-16"/>
        <source>A copy of the cluster at scale λ grows next to a template park</source>
        <translation>按规模系数 λ 在模板园区附近复制产业集群</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Moved segments</source>
        <translation>转移环节</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Scale λ of the replica relative to the source cluster</source>
        <translation>复制集群相对原集群的规模系数 λ</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Scale λ</source>
        <translation>规模系数 λ</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>park id</source>
        <translation>园区编码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Park whose profile the replica follows</source>
        <translation>复制集群所参照的园区</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Click a park on the map</source>
        <translation>在地图上点击园区</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Template park</source>
        <translation>模板园区</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>(custom)</source>
        <translation>（自定义）</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Cluster profile “%1” loaded</source>
        <translation>已加载产业集群画像“%1”</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cannot read the cluster profile %1: %2</source>
        <translation>无法读取产业集群画像 %1：%2</translation>
    </message>
    <message>
        <location line="+112"/>
        <source>Location “%1”: give longitude and latitude in degrees, e.g. 120.65, 28.01</source>
        <translation>位置“%1”：请以度为单位填写经度和纬度，例如 120.65, 28.01</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>output share</source>
        <translation>产值比重</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>job share</source>
        <translation>就业比重</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>VA rate</source>
        <translation>增加值率</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>knowledge intensity</source>
        <translation>知识密集度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>jobs per ha</source>
        <translation>每公顷就业</translation>
    </message>
</context>
<context>
    <name>clustershift::plugin::CriteriaPanel</name>
    <message>
        <location filename="../criteria_panel.cpp" line="+168"/>
        <source>On</source>
        <translation>启用</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Criterion</source>
        <translation>评价指标</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Weight</source>
        <translation>权重</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Direction</source>
        <translation>方向</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Function</source>
        <translation>价值函数</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Min</source>
        <translation>下限</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Max</source>
        <translation>上限</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Function parameters</source>
        <translation>函数参数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Options</source>
        <translation>选项</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Value-function parameters as key=value pairs, e.g. “lo=0, hi=1” (linear), “mid=0.5, steepness=10” (sigmoid), “target=1, width=0.5” (gaussian)</source>
        <translation>价值函数参数，以 键=值 形式填写，例如“lo=0, hi=1”（线性）、“mid=0.5, steepness=10”（S 型）、“target=1, width=0.5”（高斯）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Value function turning raw values into 0..1 scores</source>
        <translation>将原始值转换为 0–1 评分的价值函数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hard lower limit on the raw value (empty: none)</source>
        <translation>原始值的硬性下限（留空：无）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hard upper limit on the raw value (empty: none)</source>
        <translation>原始值的硬性上限（留空：无）</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Edits apply to the next run; min/max empty = no hard limit</source>
        <translation>修改在下次运行时生效；下限/上限留空表示无硬性约束</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>A criterion of the registry, or field:&lt;name&gt; for a numeric park or region field</source>
        <translation>指标库中的评价指标，或用 field:&lt;字段名&gt; 引用园区或地区的数值字段</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add the criterion to the table (weight 0.1)</source>
        <translation>将该指标加入表格（权重 0.1）</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>AHP…</source>
        <translation>AHP…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pairwise comparison of the enabled criteria (sets weighting to ahp)</source>
        <translation>对已启用的评价指标进行两两比较（赋权方法设为 AHP）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Weighting</source>
        <translation>赋权方法</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Aggregation</source>
        <translation>集成方法</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>exclude the park</source>
        <translation>排除该园区</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>worst value</source>
        <translation>按最差值计</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>mean value</source>
        <translation>按平均值计</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What a missing (NULL) criterion value counts as</source>
        <translation>指标值缺失（NULL）时的处理方式</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Missing values</source>
        <translation>缺失值</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Robustness (SMAA)</source>
        <translation>稳健性（SMAA）</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>off</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Random weight draws around the chosen weights (0: no robustness analysis)</source>
        <translation>围绕所设权重的随机权重抽样次数（0：不做稳健性分析）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Weight draws</source>
        <translation>权重抽样次数</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>k of P(top-k): how often a park ranks among the best k over the draws</source>
        <translation>P(前 k) 中的 k：各次抽样中园区进入前 k 名的频率</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Top k</source>
        <translation>前 k 名</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Dirichlet concentration κ of the draws around the weights (higher: closer; 0: uniform on the simplex)</source>
        <translation>权重抽样的狄利克雷集中度 κ（越大越接近所设权重；0：在单纯形上均匀抽样）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Concentration κ</source>
        <translation>集中度 κ</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Random seed: the same seed gives the same draws</source>
        <translation>随机种子：相同种子得到相同的抽样</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Unknown criterion %1: the run will report it</source>
        <translation>未知指标 %1：运行时将报告</translation>
    </message>
    <message>
        <location line="+165"/>
        <source>Criterion options</source>
        <translation>指标选项</translation>
    </message>
    <message>
        <location line="-161"/>
        <source>default</source>
        <translation>默认</translation>
    </message>
    <message numerus="yes">
        <location line="+44"/>
        <source>%n criteria enabled; weights sum to 1.</source>
        <translation>
            <numerusform>已启用 %n 个评价指标；权重之和为 1。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n criteria enabled; weights sum to %1 (normalised to 1 for the run).</source>
        <translation>
            <numerusform>已启用 %n 个评价指标；权重之和为 %1（运行时归一化为 1）。</numerusform>
        </translation>
    </message>
    <message>
        <location line="-52"/>
        <location line="+8"/>
        <source>benefit</source>
        <translation>效益型</translation>
    </message>
    <message>
        <location line="-132"/>
        <source>The criterion&apos;s options with their units; double-click to edit them</source>
        <translation>指标的选项及其单位；双击编辑</translation>
    </message>
    <message>
        <location line="+122"/>
        <source>%1 (id %2; default: %3)</source>
        <translation>%1（编码 %2；默认：%3）</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+9"/>
        <source>cost</source>
        <translation>成本型</translation>
    </message>
</context>
<context>
    <name>clustershift::plugin::CriterionOptionsDialog</name>
    <message>
        <location filename="../criterion_options_dialog.cpp" line="+32"/>
        <source>Options of %1</source>
        <translation>%1 的选项</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>name=number, … (%1)</source>
        <translation>名称=数值, …（%1）</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>id, id, …</source>
        <translation>编码, 编码, …</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Range: %1</source>
        <translation>范围：%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Key in the scenario file: %1</source>
        <translation>情景文件中的键：%1</translation>
    </message>
</context>
<context>
    <name>clustershift::plugin::DataTab</name>
    <message>
        <location filename="../data_tab.cpp" line="+51"/>
        <source>Layers</source>
        <translation>图层</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Polygon layer of regions (prefecture-level units) with the statistics</source>
        <translation>带统计数据的地区面图层（地级单元）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Industrial parks: the candidate host sites</source>
        <translation>产业园区：候选承接地</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Optional: sensitive zones (ecological red lines, water sources) for the environment criterion</source>
        <translation>可选：环境敏感区（生态保护红线、水源地），用于环境约束指标</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Optional: road network for the travel-time criteria</source>
        <translation>可选：路网，用于通行时间类指标</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Regions</source>
        <translation>地区</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Parks</source>
        <translation>园区</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sensitive zones</source>
        <translation>环境敏感区</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Roads</source>
        <translation>道路</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Load sample data</source>
        <translation>加载示例数据</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add the sample regions, parks, sensitive zones and roads to the project</source>
        <translation>将示例地区、园区、环境敏感区和道路加入项目</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Layer field holding the core column “%1”</source>
        <translation>对应核心字段“%1”的图层字段</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Region fields</source>
        <translation>地区字段</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Park fields</source>
        <translation>园区字段</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Tables and options</source>
        <translation>数据表与选项</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Tables (*.csv *.xlsx *.ods *.gpkg);;All files (*)</source>
        <translation>数据表（*.csv *.xlsx *.ods *.gpkg）;;所有文件（*）</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Region × industry output (亿元): first column region_id, one column per industry code</source>
        <translation>地区 × 行业产值（亿元）：第一列为 region_id，每个行业代码一列</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Input-output technical coefficients: first column sector, same labels as the header</source>
        <translation>投入产出直接消耗系数：第一列为部门，标签与表头一致</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Industry output</source>
        <translation>行业产值</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>IO table</source>
        <translation>投入产出表</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>auto</source>
        <translation>自动</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Attribute encoding of shapefile inputs (DBF without .cpg)</source>
        <translation>Shapefile 输入的属性编码（无 .cpg 的 DBF）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Encoding</source>
        <translation>编码</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>WGS84 / CGCS2000</source>
        <translation>WGS84 / CGCS2000</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>GCJ-02 (Amap, Tencent)</source>
        <translation>GCJ-02（高德、腾讯）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>BD-09 (Baidu)</source>
        <translation>BD-09（百度）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Coordinate system of the park points (web-map coordinates are converted)</source>
        <translation>园区点的坐标系（网络地图坐标将自动转换）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Park coordinates</source>
        <translation>园区坐标</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Data problems</source>
        <translation>数据问题</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Checked whenever the layers, fields or the scenario change; double-click a problem to show its feature</source>
        <translation>图层、字段或情景变化时自动检查；双击问题可在地图上显示对应要素</translation>
    </message>
    <message>
        <location line="+75"/>
        <source>Use a table layer of the project (CSV, spreadsheet or GeoPackage table)</source>
        <translation>使用项目中的表格图层（CSV、电子表格或 GeoPackage 表）</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>%1 (a copy is used)</source>
        <translation>%1（使用其副本）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The layer has no file: its rows are copied into a temporary GeoPackage for the run and copied again when they change</source>
        <translation>该图层没有文件：运行时使用复制到临时 GeoPackage 的行，图层数据改变时会重新复制</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Cannot copy the table layer %1: %2</source>
        <translation>无法复制表格图层 %1：%2</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>Cannot save the table layer %1 as %2: %3</source>
        <translation>无法将表图层 %1 保存为 %2：%3</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the file cannot be renamed</source>
        <translation>文件无法重命名</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Table copied again from the layer %1</source>
        <translation>已从图层 %1 重新复制表</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>A table of the scenario was a copy of the layer %1, which is not in the project with its rows any more (a memory layer is not saved with the project): choose the table again.</source>
        <translation>情景中的一个表是图层 %1 的副本，而该图层及其数据已不在工程中（内存图层不随工程保存）：请重新选择该表。</translation>
    </message>
    <message>
        <location line="-112"/>
        <source>No table layers in the project</source>
        <translation>项目中没有表格图层</translation>
    </message>
    <message>
        <location line="+138"/>
        <source>File: %1</source>
        <translation>文件：%1</translation>
    </message>
    <message>
        <location line="+97"/>
        <source>No problems found in the data.</source>
        <translation>数据未发现问题。</translation>
    </message>
</context>
<context>
    <name>clustershift::plugin::IdentifyTool</name>
    <message>
        <location filename="../identify_tool.cpp" line="+54"/>
        <source>No ClusterShift result layer (candidate_scores) in the project. Run a scenario first.</source>
        <translation>项目中没有 ClusterShift 结果图层（candidate_scores）。请先运行一个情景。</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>No park within %1 pixels of the click.</source>
        <translation>点击位置 %1 像素范围内没有园区。</translation>
    </message>
</context>
<context>
    <name>clustershift::plugin::ParkPanel</name>
    <message>
        <location filename="../park_panel.cpp" line="+186"/>
        <source>ClusterShift park</source>
        <translation>ClusterShift 园区</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Choose the ClusterShift identify tool and click a park on the map.</source>
        <translation>请选择 ClusterShift 识别工具，然后在地图上点击园区。</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>P(top-k)</source>
        <translation>P(前 k 名)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Region</source>
        <translation>地区</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+28"/>
        <source>Score</source>
        <translation>评分</translation>
    </message>
    <message>
        <location line="-27"/>
        <location line="+27"/>
        <source>Rank</source>
        <translation>排名</translation>
    </message>
    <message>
        <location line="-26"/>
        <source>P(rank 1)</source>
        <translation>P(排名第 1)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Rank interval (5–95 %)</source>
        <translation>排名区间（5%–95%）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+307"/>
        <source>Contribution of each criterion to the score</source>
        <translation>各评价指标对评分的贡献</translation>
    </message>
    <message>
        <location line="-305"/>
        <source>Dark bar: what the criterion adds to the score; light bar: its weight, the most it could add. Grey: the park&apos;s own value (↓: lower is better).</source>
        <translation>深色条：该指标对评分的实际贡献；浅色条：该指标的权重，即可能的最大贡献。灰色数字：园区自身的指标值（↓：越低越好）。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>This park in every scenario of the project</source>
        <translation>本园区在项目各情景中的结果</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Scenario</source>
        <translation>情景</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Double-click a scenario to show the park&apos;s result there</source>
        <translation>双击某一情景，查看本园区在该情景中的结果</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Zoom to the park</source>
        <translation>缩放到园区</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Zoom the map to the park and flash it</source>
        <translation>把地图缩放到本园区并闪烁标示</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>No park selected.</source>
        <translation>未选择园区。</translation>
    </message>
    <message>
        <location line="+87"/>
        <source>Attribute %1</source>
        <translation>属性 %1</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>%1 (rank %2)</source>
        <translation>%1（第 %2 名）</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 points</source>
        <translation>%1 分</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Behind %1.</source>
        <translation>排在 %1 之后。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Behind %1, mainly on %2 (%3).</source>
        <translation>排在 %1 之后，主要差在%2（%3）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Behind %1, mainly on %2 (%3) and %4 (%5).</source>
        <translation>排在 %1 之后，主要差在%2（%3）和%4（%5）。</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>The park is no longer in the layer.</source>
        <translation>该园区已不在图层中。</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>not computed (no uncertainty draws)</source>
        <translation>未计算（无不确定性抽样）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>P(top %1)</source>
        <translation>P(前 %1 名)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>P(top k)</source>
        <translation>P(前 k 名)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 – %2 (mean %3)</source>
        <translation>%1 – %2（均值 %3）</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+74"/>
        <source>excluded</source>
        <translation>已排除</translation>
    </message>
    <message>
        <location line="-74"/>
        <source>ranked</source>
        <translation>参与排序</translation>
    </message>
    <message>
        <location line="-94"/>
        <source>Why not higher: %1</source>
        <translation>未能排得更靠前的原因：%1</translation>
    </message>
    <message>
        <location line="+124"/>
        <source>%1 · weight %2</source>
        <translation>%1 · 权重 %2</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Criterion values (excluded parks get no score)</source>
        <translation>各评价指标数值（被排除的园区不计分）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Excluded parks have no score contributions.</source>
        <translation>被排除的园区没有评分贡献。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No contribution fields in this layer.</source>
        <translation>该图层没有指标贡献字段。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Results: %1</source>
        <translation>结果：%1</translation>
    </message>
</context>
<context>
    <name>clustershift::plugin::ReportTask</name>
    <message>
        <location filename="../report_task.cpp" line="+34"/>
        <source>unknown internal error</source>
        <translation>未知内部错误</translation>
    </message>
</context>
<context>
    <name>clustershift::plugin::RunTab</name>
    <message>
        <location filename="../run_tab.cpp" line="+59"/>
        <source>Scenario</source>
        <translation>情景</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Sample scenarios; choosing one fills every tab</source>
        <translation>示例情景；选择后将填充所有选项卡</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sample</source>
        <translation>示例</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>ClusterShift scenario (*.json)</source>
        <translation>ClusterShift 情景（*.json）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open a ClusterShift scenario</source>
        <translation>打开 ClusterShift 情景</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The scenario file the tabs were filled from</source>
        <translation>填充各选项卡所用的情景文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Load…</source>
        <translation>加载…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Load a scenario JSON file into the tabs</source>
        <translation>将情景 JSON 文件加载到各选项卡</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save…</source>
        <translation>保存…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Save the tabs&apos; settings as a scenario JSON file</source>
        <translation>将各选项卡的设置保存为情景 JSON 文件</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Output folder for the results</source>
        <translation>结果输出文件夹</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The results GeoPackage &lt;scenario&gt;.gpkg and its styles go here</source>
        <translation>结果 GeoPackage（&lt;情景&gt;.gpkg）及其样式保存在此</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Output</source>
        <translation>输出位置</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Choose the layers and a scenario, then press Run.</source>
        <translation>请选择图层和情景，然后点击“运行”。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Top candidates</source>
        <translation>排名靠前的候选园区</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Park</source>
        <translation>园区</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Region</source>
        <translation>地区</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Score</source>
        <translation>评分</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>P(top-k)</source>
        <translation>P(前 k 名)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Double-click a park to show it on the map</source>
        <translation>双击园区可在地图上显示</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Compare modes</source>
        <translation>比较转移模式</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The same cluster, source and host under complete, partial and replication</source>
        <translation>同一产业集群、转出地和承接地在整体转移、部分转移和复制扩张下的比较</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Report</source>
        <translation>报告</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>As in the scenario</source>
        <translation>与情景一致</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>A4 landscape</source>
        <translation>A4 横向</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A3 landscape</source>
        <translation>A3 横向</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Candidate parks listed and given a page each</source>
        <translation>列出并逐页介绍的候选园区数</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Top N</source>
        <translation>前 N 名</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Print report…</source>
        <translation>打印报告…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Write the PDF report of the last run (layouts also go to the project)</source>
        <translation>生成最近一次运行的 PDF 报告（布局同时加入项目）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Log</source>
        <translation>日志</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>P(top-%1)</source>
        <translation>P(前 %1 名)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Share of the weight draws in which the park ranks among the best %1</source>
        <translation>在权重抽样中该园区进入前 %1 名的比例</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>Complete</source>
        <translation>整体转移</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Partial</source>
        <translation>部分转移</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Replication</source>
        <translation>复制扩张</translation>
    </message>
</context>
<context>
    <name>clustershift::plugin::RunTask</name>
    <message>
        <location filename="../run_task.cpp" line="+76"/>
        <source>unknown internal error</source>
        <translation>未知内部错误</translation>
    </message>
</context>
</TS>
