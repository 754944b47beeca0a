<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US" sourcelanguage="en">
<context>
    <name>onnxscope::MainWindow</name>
    <message numerus="yes">
        <location filename="../app/main_window.cpp" line="+383"/>
        <source>Loaded %1 in %2 ms: %n node(s).</source>
        <translation>
            <numerusform>Loaded %1 in %2 ms: %n node.</numerusform>
            <numerusform>Loaded %1 in %2 ms: %n nodes.</numerusform>
        </translation>
    </message>
</context>
</TS>
