<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ClusterShift</name>
    <message>
        <source>… and %1 more warnings</source>
        <translation>…… 另有 %1 条警告</translation>
    </message>
    <message>
        <source>… and %1 more</source>
        <translation>…… 另有 %1 条</translation>
    </message>
    <message>
        <source>the scenario or its data has %1 problem(s):</source>
        <translation>情景或其数据有 %1 个问题：</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>internal error: %1</source>
        <translation>内部错误：%1</translation>
    </message>
    <message>
        <source>no result layer for %1</source>
        <translation>%1 没有结果图层</translation>
    </message>
    <message>
        <source>cannot write feature %1 (%2)</source>
        <translation>无法写入要素 %1（%2）</translation>
    </message>
    <message>
        <source>Regions (polygons with the core columns)</source>
        <translation>行政区（含核心字段的面图层）</translation>
    </message>
    <message>
        <source>Industrial parks (points or polygons)</source>
        <translation>产业园区（点或面）</translation>
    </message>
    <message>
        <source>Sensitive zones</source>
        <translation>敏感区</translation>
    </message>
    <message>
        <source>Roads</source>
        <translation>道路</translation>
    </message>
    <message>
        <source>Scenario file (JSON)</source>
        <translation>情景文件（JSON）</translation>
    </message>
    <message>
        <source>Scenario files (*.json)</source>
        <translation>情景文件 (*.json)</translation>
    </message>
    <message>
        <source>(from the scenario file)</source>
        <translation>（取自情景文件）</translation>
    </message>
    <message>
        <source>Cluster preset (instead of the scenario&apos;s cluster)</source>
        <translation>产业集群预设（替代情景中的集群）</translation>
    </message>
    <message>
        <source>Source region id (required without a scenario file, e.g. 330300)</source>
        <translation>转出地区代码（无情景文件时必填，如 330300）</translation>
    </message>
    <message>
        <source>Transfer mode</source>
        <translation>转移模式</translation>
    </message>
    <message>
        <source>(from the scenario file; complete without one)</source>
        <translation>（取自情景文件；无情景文件时为完全转移）</translation>
    </message>
    <message>
        <source>Aggregation</source>
        <translation>综合方法</translation>
    </message>
    <message>
        <source>(from the scenario file; wlc without one)</source>
        <translation>（取自情景文件；无情景文件时为 wlc）</translation>
    </message>
    <message>
        <source>Weighting</source>
        <translation>赋权方法</translation>
    </message>
    <message>
        <source>(from the scenario file; direct without one)</source>
        <translation>（取自情景文件；无情景文件时为直接赋权）</translation>
    </message>
    <message>
        <source>Moved segments for a partial transfer (e.g. production;assembly; empty = the scenario&apos;s)</source>
        <translation>部分转移的环节（如 production;assembly；留空则取自情景）</translation>
    </message>
    <message>
        <source>Template park for replication (park id; empty = the scenario&apos;s)</source>
        <translation>复制模式的模板园区（园区编号；留空则取自情景）</translation>
    </message>
    <message>
        <source>Replication scale λ (0 = the scenario&apos;s, 0.5 without one)</source>
        <translation>复制规模 λ（0 = 取自情景，无情景时为 0.5）</translation>
    </message>
    <message>
        <source>Robustness draws (SMAA; -1 = from the scenario file, 0 = none)</source>
        <translation>稳健性抽样次数（SMAA；-1 = 取自情景文件，0 = 不做）</translation>
    </message>
    <message>
        <source>Industry output table (CSV; overrides the scenario&apos;s)</source>
        <translation>分行业产值表（CSV；覆盖情景中的设置）</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Input-output coefficients (CSV; overrides the scenario&apos;s)</source>
        <translation>投入产出直接消耗系数（CSV；覆盖情景中的设置）</translation>
    </message>
    <message>
        <source>Regions field for &apos;%1&apos;</source>
        <translation>行政区字段：%1</translation>
    </message>
    <message>
        <source>Parks field for &apos;%1&apos;</source>
        <translation>园区字段：%1</translation>
    </message>
    <message>
        <source>cannot read the layer &apos;%1&apos;</source>
        <translation>无法读取图层“%1”</translation>
    </message>
    <message>
        <source>no preset with index %1 (0–%2)</source>
        <translation>没有序号为 %1 的预设（0–%2）</translation>
    </message>
    <message>
        <source>cannot read &apos;%1&apos;</source>
        <translation>无法读取“%1”</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not valid JSON (%2)</source>
        <translation>“%1”不是有效的 JSON（%2）</translation>
    </message>
    <message>
        <source>&apos;%1&apos; does not hold a JSON object</source>
        <translation>“%1”不包含 JSON 对象</translation>
    </message>
    <message>
        <source>choose a cluster preset (%1) or give a SCENARIO file</source>
        <translation type="vanished">请选择产业集群预设（%1）或提供情景文件 SCENARIO</translation>
    </message>
    <message>
        <source>required when no SCENARIO file is given (a region id of the REGIONS layer)</source>
        <translation>未提供情景文件 SCENARIO 时必填（REGIONS 图层中的地区代码）</translation>
    </message>
    <message>
        <source>&apos;%1&apos;: &quot;data&quot; is not an object</source>
        <translation>“%1”：“data”不是对象</translation>
    </message>
    <message>
        <source>file &apos;%1&apos; not found</source>
        <translation>找不到文件“%1”</translation>
    </message>
    <message>
        <source>cannot copy the layer for the run (%1)</source>
        <translation>无法为本次运行复制图层（%1）</translation>
    </message>
    <message>
        <source>Compare transfer modes</source>
        <translation>比较转移模式</translation>
    </message>
    <message>
        <source>Site selection</source>
        <translation>选址</translation>
    </message>
    <message>
        <source>Projects the transfer effects of the scenario&apos;s cluster, source and host choice under all three modes (complete, partial, replication) and returns them side by side: moved output, jobs, multipliers, knowledge flow and the change of the structure indices at source and host.</source>
        <translation>在三种模式（完全转移、部分转移、复制）下，按情景的集群、转出地和承接地推算转移效应并并列给出：转移产值、就业、乘数、知识流以及转出地和承接地产业结构指数的变化。</translation>
    </message>
    <message>
        <source>Mode comparison</source>
        <translation>模式比较</translation>
    </message>
    <message>
        <source>Comparison CSV</source>
        <translation>比较结果 CSV</translation>
    </message>
    <message>
        <source>cannot write a row (%1)</source>
        <translation>无法写入一行（%1）</translation>
    </message>
    <message>
        <source>Relatedness indices (RCA, proximity, density)</source>
        <translation>产业关联指数（RCA、邻近度、关联密度）</translation>
    </message>
    <message>
        <source>Economic indices</source>
        <translation>经济指数</translation>
    </message>
    <message>
        <source>From a region × industry output table (CSV: first column the region id, one column per industry): revealed comparative advantage RCA (Balassa 1965), presence RCA ≥ threshold, proximity between industries and relatedness density (Hidalgo et al. 2007, Science 317:482).</source>
        <translation>由地区 × 行业产值表（CSV：第一列为地区代码，每个行业一列）计算显示性比较优势 RCA（Balassa 1965）、RCA ≥ 阈值的存在矩阵、行业间邻近度和关联密度（Hidalgo 等 2007，Science 317:482）。</translation>
    </message>
    <message>
        <source>Region × industry output table (CSV)</source>
        <translation>地区 × 行业产值表（CSV）</translation>
    </message>
    <message>
        <source>RCA threshold for presence</source>
        <translation>存在判定的 RCA 阈值</translation>
    </message>
    <message>
        <source>RCA</source>
        <translation>RCA</translation>
    </message>
    <message>
        <source>Relatedness density</source>
        <translation>关联密度</translation>
    </message>
    <message>
        <source>Proximity</source>
        <translation>邻近度</translation>
    </message>
    <message>
        <source>CSV folder</source>
        <translation>CSV 输出文件夹</translation>
    </message>
    <message>
        <source>no table given</source>
        <translation>未提供数据表</translation>
    </message>
    <message>
        <source>: value is negative (%1)</source>
        <translation>：数值为负（%1）</translation>
    </message>
    <message>
        <source>&apos;%1&apos;: all values are zero</source>
        <translation>“%1”：所有数值均为零</translation>
    </message>
    <message>
        <source>cannot create the folder &apos;%1&apos;</source>
        <translation>无法创建文件夹“%1”</translation>
    </message>
    <message>
        <source>%1 regions × %2 industries, RCA threshold %3</source>
        <translation>%1 个地区 × %2 个行业，RCA 阈值 %3</translation>
    </message>
    <message>
        <source>Structure indices (TS, ISU, Theil)</source>
        <translation>产业结构指数（TS、ISU、泰尔指数）</translation>
    </message>
    <message>
        <source>Industrial-structure indices per region (Gan, Zheng &amp; Yu 2011, 经济研究 46(5)): advancement TS = Y3/Y2, upgrading ISU = Σ s·Ys/Y (1–3) and rationalisation Theil = Σ (Ys/Y) ln((Ys/Ls)/(Y/L)) (0 = balanced), from sector value added Y1..Y3 (亿元) and employment L1..L3 (10k persons). INPUT may be the region layer or any table, e.g. a CSV.</source>
        <translation>各地区产业结构指数（干春晖、郑若谷、余典范 2011，《经济研究》46(5)）：高级化 TS = Y3/Y2，结构升级 ISU = Σ s·Ys/Y（1–3），合理化泰尔指数 Theil = Σ (Ys/Y) ln((Ys/Ls)/(Y/L))（0 = 均衡），依据三次产业增加值 Y1..Y3（亿元）和就业 L1..L3（万人）。INPUT 可以是行政区图层或任意数据表（如 CSV）。</translation>
    </message>
    <message>
        <source>Regions or table</source>
        <translation>行政区或数据表</translation>
    </message>
    <message>
        <source>Region id field</source>
        <translation>地区代码字段</translation>
    </message>
    <message>
        <source>Field for %1</source>
        <translation>%1 字段</translation>
    </message>
    <message>
        <source>Structure indices</source>
        <translation>产业结构指数</translation>
    </message>
    <message>
        <source>no field &apos;%1&apos; in &apos;%2&apos; (fields: %3)</source>
        <translation>“%2”中没有字段“%1”（现有字段：%3）</translation>
    </message>
    <message>
        <source>%1 fid=%2 (id &apos;%3&apos;): field &apos;%4&apos; is not a number (&apos;%5&apos;)</source>
        <translation>%1 fid=%2（代码“%3”）：字段“%4”不是数值（“%5”）</translation>
    </message>
    <message>
        <source>%1 fid=%2 (id &apos;%3&apos;): field &apos;%4&apos; is negative (%5)</source>
        <translation>%1 fid=%2（代码“%3”）：字段“%4”为负（%5）</translation>
    </message>
    <message>
        <source>%1 fid=%2 (id &apos;%3&apos;): %4</source>
        <translation>%1 fid=%2（代码“%3”）：%4</translation>
    </message>
    <message>
        <source>Print report</source>
        <translation>打印报告</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>报告</translation>
    </message>
    <message>
        <source>Prints the planning report (overview map, candidate pages for the top N parks, effects, mode comparison, methods) of a results GeoPackage as one PDF, in Chinese or English, on A4 or A3 landscape. The GeoPackage comes from &apos;Score candidate sites&apos; (results folder), the plugin or `clustershift run`.</source>
        <translation>将结果 GeoPackage 的规划报告（总览图、前 N 个候选园区页、转移效应、模式比较、方法说明）输出为一个 PDF，中文或英文，A4 或 A3 横向。GeoPackage 来自“候选园区评分”（结果文件夹）、插件或 `clustershift run`。</translation>
    </message>
    <message>
        <source>Results GeoPackage</source>
        <translation>结果 GeoPackage</translation>
    </message>
    <message>
        <source>GeoPackage (*.gpkg)</source>
        <translation>GeoPackage (*.gpkg)</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Paper (landscape)</source>
        <translation>纸张（横向）</translation>
    </message>
    <message>
        <source>Candidate pages (top N parks)</source>
        <translation>候选园区页数（前 N 个园区）</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>编制人</translation>
    </message>
    <message>
        <source>Report PDF</source>
        <translation>报告 PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>页数</translation>
    </message>
    <message>
        <source>no output file given</source>
        <translation>未指定输出文件</translation>
    </message>
    <message>
        <source>%1 pages written to %2</source>
        <translation>已写入 %1 页：%2</translation>
    </message>
    <message>
        <source>Project transfer effects</source>
        <translation>推算转移效应</translation>
    </message>
    <message>
        <source>Ranks the parks as &apos;Score candidate sites&apos; does, then projects what the transfer does to the source and the host region(s): value chain, input-output multipliers, knowledge flow, structure indices (TS, ISU, Theil), the upgrading index U and the coupling coordination degree. HOST: &apos;best&apos; (rank 1 park), &apos;allocate&apos; (split over the top HOST_COUNT parks) or a park id; empty = the scenario&apos;s choice.</source>
        <translation>先按“候选园区评分”对园区排序，再推算转移对转出地和承接地的影响：价值链、投入产出乘数、知识流、产业结构指数（TS、ISU、泰尔指数）、升级指数 U 和耦合协调度。HOST：“best”（排名第一的园区）、“allocate”（分配到前 HOST_COUNT 个园区）或园区编号；留空则取自情景。</translation>
    </message>
    <message>
        <source>Host (best | allocate | park id; empty = the scenario&apos;s)</source>
        <translation>承接地（best | allocate | 园区编号；留空则取自情景）</translation>
    </message>
    <message>
        <source>Hosts when allocating (0 = the scenario&apos;s)</source>
        <translation>分配时的承接园区数（0 = 取自情景）</translation>
    </message>
    <message>
        <source>Region effects</source>
        <translation>地区效应</translation>
    </message>
    <message>
        <source>Effects timeline</source>
        <translation>效应时间序列</translation>
    </message>
    <message>
        <source>Coupling coordination</source>
        <translation>耦合协调度</translation>
    </message>
    <message>
        <source>Host park id (first host)</source>
        <translation>承接园区编号（第一个）</translation>
    </message>
    <message>
        <source>no feasible host park</source>
        <translation>没有可行的承接园区</translation>
    </message>
    <message>
        <source>effects not computed: %1</source>
        <translation>未计算转移效应：%1</translation>
    </message>
    <message>
        <source>%1 → %2: U source %3, U host %4, D %5 (%6)</source>
        <translation>%1 → %2：转出地 U %3，承接地 U %4，D %5（%6）</translation>
    </message>
    <message>
        <source>ClusterShift – industrial cluster transfer planning</source>
        <translation>ClusterShift – 产业集群转移规划</translation>
    </message>
    <message>
        <source>Score candidate sites</source>
        <translation>候选园区评分</translation>
    </message>
    <message>
        <source>Ranks the industrial parks as hosts of a cluster moving out of the source region (multi-criteria decision analysis). Give a scenario file, or a cluster preset and the source region; without either, the scenario saved in the project by the ClusterShift panel is used. The other parameters override the scenario. OUTPUT holds every park with score, rank, status (ok | excluded), the reason of an exclusion and each criterion&apos;s raw value, normalised value and contribution. OUTPUT_FOLDER (optional) receives the results GeoPackage with styles and a QGIS project, the input of &apos;Print report&apos;. OUTPUT_DB and OUTPUT_SCHEMA (optional) also write the result layers, tables and styles into a PostgreSQL/PostGIS schema in one transaction (credentials from pg_service.conf, .pgpass or PGPASSWORD). A failed write fails the algorithm and leaves earlier results as they were.</source>
        <translation>对承接从转出地迁出的产业集群的园区进行排序（多准则决策分析）。提供情景文件，或产业集群预设与转出地区；两者都不提供时，使用 ClusterShift 面板保存在项目中的情景。其余参数覆盖情景中的设置。OUTPUT 包含每个园区的得分、排名、状态（ok | excluded）、排除原因以及各准则的原始值、标准化值和贡献。OUTPUT_FOLDER（可选）写入带样式的结果 GeoPackage 和 QGIS 工程，可作为“打印报告”的输入。OUTPUT_DB 与 OUTPUT_SCHEMA（可选）另在一个事务中把结果图层、表及其样式写入 PostgreSQL/PostGIS 的模式（凭据取自 pg_service.conf、.pgpass 或 PGPASSWORD）。任何写入失败都会使算法失败，并保留先前的结果不变。</translation>
    </message>
    <message>
        <source>Candidate scores</source>
        <translation>候选园区得分</translation>
    </message>
    <message>
        <source>Results folder (GeoPackage, styles, project)</source>
        <translation>结果文件夹（GeoPackage、样式、工程）</translation>
    </message>
    <message>
        <source>Also write the PDF reports (zh_CN, en) into the results folder</source>
        <translation>同时在结果文件夹中生成 PDF 报告（中文、英文）</translation>
    </message>
    <message>
        <source>Rank 1 park id</source>
        <translation>排名第一的园区编号</translation>
    </message>
    <message>
        <source>Number of feasible parks</source>
        <translation>可行园区数</translation>
    </message>
    <message>
        <source>Results project</source>
        <translation>结果工程</translation>
    </message>
    <message>
        <source>%1 of %2 parks feasible; rank 1: %3</source>
        <translation>%2 个园区中 %1 个可行；排名第一：%3</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Results written to %1</source>
        <translation>结果已写入 %1</translation>
    </message>
    <message>
        <source>PostgreSQL database for the results (e.g. PG:service=planning; no password)</source>
        <translation>结果写入的 PostgreSQL 数据库（如 PG:service=planning；不含密码）</translation>
    </message>
    <message>
        <source>Schema for the results in the database</source>
        <translation>数据库中存放结果的模式（schema）</translation>
    </message>
    <message>
        <source>required with OUTPUT_DB</source>
        <translation>使用 OUTPUT_DB 时必填</translation>
    </message>
    <message>
        <source>required with OUTPUT_SCHEMA</source>
        <translation>使用 OUTPUT_SCHEMA 时必填</translation>
    </message>
    <message numerus="yes">
        <source>Results written to %1, schema %2 (%n table(s))</source>
        <translation>
            <numerusform>结果已写入 %1 的模式 %2（%n 个表）</numerusform>
        </translation>
    </message>
    <message>
        <source>the project&apos;s saved scenario is not valid JSON (%1)</source>
        <translation>项目中保存的情景不是有效的 JSON（%1）</translation>
    </message>
    <message>
        <source>the project&apos;s saved scenario does not hold a JSON object</source>
        <translation>项目中保存的情景不是一个 JSON 对象</translation>
    </message>
    <message>
        <source>Scenario: the one saved in the project</source>
        <translation>情景：使用项目中保存的情景</translation>
    </message>
    <message>
        <source>choose a cluster preset (%1), give a SCENARIO file or save a scenario in the project (ClusterShift panel)</source>
        <translation>请选择集群预设（%1）、提供 SCENARIO 情景文件，或在项目中保存一个情景（ClusterShift 面板）</translation>
    </message>
</context>
</TS>
