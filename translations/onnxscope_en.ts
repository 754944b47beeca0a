<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US" sourcelanguage="en">
<context>
    <name>EdgeGraphItem</name>
    <message numerus="yes">
        <location filename="../views/graph_items.cpp" line="+333"/>
        <source>%n connection(s)</source>
        <translation>
            <numerusform>%n connection</numerusform>
            <numerusform>%n connections</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>GraphDocument</name>
    <message numerus="yes">
        <location filename="../views/graph_document.cpp" line="+71"/>
        <source>%n node(s)</source>
        <translation>
            <numerusform>%n node</numerusform>
            <numerusform>%n nodes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>onnxscope::DebugExecutor</name>
    <message numerus="yes">
        <location filename="../views/debugger/debug_executor.cpp" line="+499"/>
        <source>Profiling paused after %n run(s).</source>
        <translation>
            <numerusform>Profiling paused after %n run.</numerusform>
            <numerusform>Profiling paused after %n runs.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>onnxscope::ExecutionListModel</name>
    <message numerus="yes">
        <location filename="../views/debugger/execution_list_model.cpp" line="+191"/>
        <source>%n node(s)</source>
        <translation>
            <numerusform>%n node</numerusform>
            <numerusform>%n nodes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>onnxscope::GraphPage</name>
    <message numerus="yes">
        <location filename="../views/graph_page.cpp" line="+209"/>
        <source>%n operator(s)</source>
        <translation>
            <numerusform>%n operator</numerusform>
            <numerusform>%n operators</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+27"/>
        <source>%n operator(s), %1 boxes, layout %2 ms (%3, %4 reused)</source>
        <translation>
            <numerusform>%n operator, %1 boxes, layout %2 ms (%3, %4 reused)</numerusform>
            <numerusform>%n operators, %1 boxes, layout %2 ms (%3, %4 reused)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>onnxscope::GraphSearchPanel</name>
    <message numerus="yes">
        <location filename="../views/graph_search_panel.cpp" line="+86"/>
        <source>%n result(s)</source>
        <translation>
            <numerusform>%n result</numerusform>
            <numerusform>%n results</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>onnxscope::HistogramWidget</name>
    <message numerus="yes">
        <location filename="../views/debugger/histogram_widget.cpp" line="+18"/>
        <source>%n bin(s) from %1 to %2</source>
        <translation>
            <numerusform>%n bin from %1 to %2</numerusform>
            <numerusform>%n bins from %1 to %2</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>onnxscope::MainWindow</name>
    <message numerus="yes">
        <location filename="../app/main_window.cpp" line="+466"/>
        <source>Loaded %1 in %2 ms: %n node(s).</source>
        <translation>
            <numerusform>Loaded %1 in %2 ms: %n node.</numerusform>
            <numerusform>Loaded %1 in %2 ms: %n nodes.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>onnxscope::ProfilePanel</name>
    <message numerus="yes">
        <location filename="../views/debugger/profile_panel.cpp" line="+115"/>
        <source>%1 on %2; median of %n run(s) after %3 warm-up.</source>
        <translation>
            <numerusform>%1 on %2; median of %n run after %3 warm-up.</numerusform>
            <numerusform>%1 on %2; median of %n runs after %3 warm-up.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>onnxscope::SaveReviewDialog</name>
    <message numerus="yes">
        <location filename="../views/save_review_dialog.cpp" line="+25"/>
        <source>%n change(s) since the last save:</source>
        <translation>
            <numerusform>%n change since the last save:</numerusform>
            <numerusform>%n changes since the last save:</numerusform>
        </translation>
    </message>
</context>
</TS>
