<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR" sourcelanguage="en">
<context>
    <name>BlockTree</name>
    <message>
        <location filename="../views/block_tree.cpp" line="+170"/>
        <source>part %1</source>
        <translation>부분 %1</translation>
    </message>
</context>
<context>
    <name>cli</name>
    <message>
        <location filename="../app/cli_info.cpp" line="+115"/>
        <source>Inputs:</source>
        <translation>입력:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Outputs:</source>
        <translation>출력:</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Print a model&apos;s overview.</source>
        <translation>모델 개요를 출력합니다.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The .onnx file.</source>
        <translation>.onnx 파일.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Print JSON.</source>
        <translation>JSON으로 출력합니다.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>usage: onnxscope-cli info MODEL [--json]</source>
        <translation>사용법: onnxscope-cli info MODEL [--json]</translation>
    </message>
    <message>
        <location filename="../app/cli_main.cpp" line="+19"/>
        <source>print a model&apos;s overview (--json)</source>
        <translation>모델 개요 출력 (--json)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>edit metadata and save (-o OUT --set K=V --unset K)</source>
        <translation>메타데이터를 편집하고 저장 (-o OUT --set K=V --unset K)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>usage: onnxscope-cli COMMAND [ARGS...]</source>
        <translation>사용법: onnxscope-cli COMMAND [ARGS...]</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Commands:</source>
        <translation>명령:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Run &apos;onnxscope-cli COMMAND --help&apos; for a command&apos;s options.</source>
        <translation>명령의 옵션을 보려면 &apos;onnxscope-cli COMMAND --help&apos;를 실행하세요.</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>unknown command &apos;%1&apos;</source>
        <translation>알 수 없는 명령 &apos;%1&apos;</translation>
    </message>
    <message>
        <location filename="../app/cli_util.cpp" line="+30"/>
        <source>cannot read model: %1</source>
        <translation>모델을 읽을 수 없습니다: %1</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../app/main.cpp" line="+27"/>
        <source>Browse, run and profile ONNX models.</source>
        <translation>ONNX 모델을 탐색하고 실행하고 프로파일합니다.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Interface language (en, ko); overrides Settings.</source>
        <translation>인터페이스 언어(en, ko). 설정보다 우선합니다.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>ONNX model to open.</source>
        <translation>열 ONNX 모델.</translation>
    </message>
</context>
<context>
    <name>onnxscope::AboutDialog</name>
    <message>
        <location filename="../app/about_dialog.cpp" line="+30"/>
        <source>About ONNX Scope</source>
        <translation>ONNX Scope 정보</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Browse, run step by step, profile and compare ONNX models.</source>
        <translation>ONNX 모델을 탐색하고, 단계별로 실행하고, 프로파일하고, 비교합니다.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Libraries</source>
        <translation>라이브러리</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>OpenCL devices</source>
        <translation>OpenCL 장치</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Looking for OpenCL devices…</source>
        <translation>OpenCL 장치를 찾는 중…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Copy to Clipboard</source>
        <translation>클립보드에 복사</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>OpenCL devices:</source>
        <translation>OpenCL 장치:</translation>
    </message>
</context>
<context>
    <name>onnxscope::ComponentVersions</name>
    <message>
        <location filename="../app/component_versions.cpp" line="+68"/>
        <source>not linked</source>
        <translation>링크되지 않음</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 (built with %2)</source>
        <translation>%1 (%2로 빌드됨)</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>ICD loader linked</source>
        <translation>ICD 로더 링크됨</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>No OpenCL platform found (clGetPlatformIDs returned %1).</source>
        <translation>OpenCL 플랫폼을 찾지 못했습니다(clGetPlatformIDs 반환값 %1).</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>OpenCL platforms were found but they report no devices.</source>
        <translation>OpenCL 플랫폼은 있지만 장치가 보고되지 않았습니다.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This build has no OpenCL support.</source>
        <translation>이 빌드는 OpenCL을 지원하지 않습니다.</translation>
    </message>
</context>
<context>
    <name>onnxscope::MainWindow</name>
    <message>
        <location filename="../app/main_window.cpp" line="+69"/>
        <location line="+342"/>
        <source>ONNX Scope</source>
        <translation>ONNX Scope</translation>
    </message>
    <message>
        <location line="-341"/>
        <source>Ready</source>
        <translation>준비됨</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;Open…</source>
        <translation>열기(&amp;O)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open an ONNX model</source>
        <translation>ONNX 모델 열기</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Close</source>
        <translation>닫기(&amp;C)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Close the current model</source>
        <translation>현재 모델 닫기</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Quit</source>
        <translation>끝내기(&amp;Q)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Cancel Loading</source>
        <translation>불러오기 취소</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Clear &amp;List</source>
        <translation>목록 지우기(&amp;L)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Settings…</source>
        <translation>설정(&amp;S)…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;About ONNX Scope</source>
        <translation>ONNX Scope 정보(&amp;A)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>About &amp;Qt</source>
        <translation>Qt 정보(&amp;Q)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;File</source>
        <translation>파일(&amp;F)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open &amp;Recent</source>
        <translation>최근 파일 열기(&amp;R)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;View</source>
        <translation>보기(&amp;V)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Help</source>
        <translation>도움말(&amp;H)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Main Toolbar</source>
        <translation>기본 도구 모음</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Dismiss</source>
        <translation>닫기</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The model summary is in the Overview panel.</source>
        <translation>모델 요약은 개요 패널에 있습니다.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Open an ONNX model with File ▸ Open, or drop a .onnx file here.</source>
        <translation>파일 ▸ 열기로 ONNX 모델을 열거나 .onnx 파일을 여기에 끌어다 놓으세요.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Open Model…</source>
        <translation>모델 열기…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Recent models:</source>
        <translation>최근 모델:</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Overview</source>
        <translation>개요</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Overview</source>
        <translation>개요(&amp;O)</translation>
    </message>
    <message>
        <location line="+64"/>
        <source>Open Model</source>
        <translation>모델 열기</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ONNX models (*.onnx);;All files (*)</source>
        <translation>ONNX 모델 (*.onnx);;모든 파일 (*)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Loading %1 (%2)…</source>
        <translation>%1 (%2) 불러오는 중…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Loading %1…</source>
        <translation>%1 불러오는 중…</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Could not open “%1”.</source>
        <translation>“%1”을(를) 열 수 없습니다.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>%1 — ONNX Scope</source>
        <translation>%1 — ONNX Scope</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>Loaded %1 in %2 ms: %n node(s).</source>
        <translation>
            <numerusform>%1을(를) %2ms 만에 불러왔습니다: 노드 %n개.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Loading cancelled.</source>
        <translation>불러오기를 취소했습니다.</translation>
    </message>
</context>
<context>
    <name>onnxscope::ModelOverviewPanel</name>
    <message>
        <location filename="../views/model_overview_panel.cpp" line="+34"/>
        <source>No model loaded.</source>
        <translation>불러온 모델이 없습니다.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>IR version:</source>
        <translation>IR 버전:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Producer:</source>
        <translation>생성 도구:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Domain:</source>
        <translation>도메인:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Model version:</source>
        <translation>모델 버전:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Graph:</source>
        <translation>그래프:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Nodes:</source>
        <translation>노드:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Initializers:</source>
        <translation>가중치(초기화 텐서):</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Description:</source>
        <translation>설명:</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Operators</source>
        <translation>연산자</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Operator</source>
        <translation>연산자</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+3"/>
        <location line="+2"/>
        <source>Domain</source>
        <translation>도메인</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>Count</source>
        <translation>개수</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+4"/>
        <source>Inputs</source>
        <translation>입력</translation>
    </message>
    <message>
        <location line="-4"/>
        <location line="+1"/>
        <location line="+3"/>
        <source>Name</source>
        <translation>이름</translation>
    </message>
    <message>
        <location line="-4"/>
        <location line="+1"/>
        <source>Type</source>
        <translation>자료형</translation>
    </message>
    <message>
        <location line="-1"/>
        <location line="+1"/>
        <source>Shape</source>
        <translation>형태</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+3"/>
        <source>Outputs</source>
        <translation>출력</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Opsets</source>
        <translation>연산자 집합</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Version</source>
        <translation>버전</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Metadata</source>
        <translation>메타데이터</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Key</source>
        <translation>키</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Value</source>
        <translation>값</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Functions</source>
        <translation>함수</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Nodes</source>
        <translation>노드</translation>
    </message>
    <message>
        <location line="+41"/>
        <location line="+12"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 (%2 with subgraphs and functions)</source>
        <translation>%1 (하위 그래프와 함수 포함 %2)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>(unknown)</source>
        <translation>(알 수 없음)</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+5"/>
        <source>(none)</source>
        <translation>(없음)</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>(unnamed)</source>
        <translation>(이름 없음)</translation>
    </message>
</context>
<context>
    <name>onnxscope::SettingsDialog</name>
    <message>
        <location filename="../app/settings_dialog.cpp" line="+20"/>
        <source>Settings</source>
        <translation>설정</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Interface</source>
        <translation>인터페이스</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Language:</source>
        <translation>언어(&amp;L):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The new language is used after ONNX Scope restarts.</source>
        <translation>새 언어는 ONNX Scope를 다시 시작한 뒤 적용됩니다.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Execution</source>
        <translation>실행</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>OpenCL</source>
        <translation>OpenCL</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Default &amp;backend:</source>
        <translation>기본 백엔드(&amp;B):</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Automatic (%1)</source>
        <translation>자동 (%1)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>CPU &amp;threads:</source>
        <translation>CPU 스레드 수(&amp;T):</translation>
    </message>
</context>
<context>
    <name>onnxscope::TranslationLoader</name>
    <message>
        <location filename="../app/translation_loader.cpp" line="+23"/>
        <source>System</source>
        <translation>시스템 설정</translation>
    </message>
</context>
</TS>
