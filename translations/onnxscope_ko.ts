<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR" sourcelanguage="en">
<context>
    <name>BlockGraphItem</name>
    <message>
        <location filename="../views/graph_items.cpp" line="+211"/>
        <source>%1 — %2
Double-click to %3</source>
        <translation>%1 — %2
더블클릭하여 %3</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>collapse</source>
        <translation>접기</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>expand</source>
        <translation>펼치기</translation>
    </message>
    <message>
        <location line="+73"/>
        <source>Σ %1</source>
        <translation>Σ %1</translation>
    </message>
</context>
<context>
    <name>BlockTree</name>
    <message>
        <location filename="../views/block_tree.cpp" line="+159"/>
        <source>part %1</source>
        <translation>부분 %1</translation>
    </message>
</context>
<context>
    <name>EdgeGraphItem</name>
    <message numerus="yes">
        <location filename="../views/graph_items.cpp" line="+46"/>
        <source>%n connection(s)</source>
        <translation>
            <numerusform>연결 %n개</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EdgePreviewItem</name>
    <message>
        <location filename="../views/edge_preview_item.cpp" line="+73"/>
        <source>%1 NaN</source>
        <translation>NaN %1개</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 Inf</source>
        <translation>Inf %1개</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>empty</source>
        <translation>비어 있음</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>all %1</source>
        <translation>모두 %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 [%2], %3 elements</source>
        <translation>%1 [%2], 원소 %3개</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>min %1  max %2  mean %3</source>
        <translation>최솟값 %1  최댓값 %2  평균 %3</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 NaN, %2 Inf</source>
        <translation>NaN %1개, Inf %2개</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Picture: the first %1×%2 slice</source>
        <translation>그림: 첫 번째 %1×%2 슬라이스</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Click to open it in the preview.</source>
        <translation>클릭하면 미리 보기에서 엽니다.</translation>
    </message>
</context>
<context>
    <name>GraphDocument</name>
    <message>
        <location filename="../views/graph_document.cpp" line="+67"/>
        <source>graph</source>
        <translation>그래프</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n node(s)</source>
        <translation>
            <numerusform>노드 %n개</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OpCategory</name>
    <message>
        <location filename="../views/op_category.cpp" line="+108"/>
        <source>Layer</source>
        <translation>레이어</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Activation</source>
        <translation>활성화</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pool</source>
        <translation>풀링</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Normalization</source>
        <translation>정규화</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Shape</source>
        <translation>형태</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tensor</source>
        <translation>텐서</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Math</source>
        <translation>수학</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Logic</source>
        <translation>논리</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Control flow</source>
        <translation>제어 흐름</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Quantization</source>
        <translation>양자화</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Graph input</source>
        <translation>그래프 입력</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Graph output</source>
        <translation>그래프 출력</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Other</source>
        <translation>기타</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <location filename="../views/debugger/profile_panel.cpp" line="+42"/>
        <source>Cannot write %1: %2</source>
        <translation>%1에 쓸 수 없습니다: %2</translation>
    </message>
</context>
<context>
    <name>TensorStats</name>
    <message>
        <location filename="../views/tensor_stats.cpp" line="+122"/>
        <source>statistics not available for this tensor</source>
        <translation>이 텐서의 통계를 낼 수 없습니다</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>min %1, max %2, mean %3, std %4, zeros %5 of %6</source>
        <translation>최소 %1, 최대 %2, 평균 %3, 표준편차 %4, 0인 원소 %5/%6</translation>
    </message>
</context>
<context>
    <name>cli</name>
    <message>
        <location filename="../app/cli_info.cpp" line="+114"/>
        <source>Inputs:</source>
        <translation>입력:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Outputs:</source>
        <translation>출력:</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Print a model&apos;s overview.</source>
        <translation>모델 개요를 출력합니다.</translation>
    </message>
    <message>
        <location filename="../app/cli_compare.cpp" line="+93"/>
        <source>reference: %1</source>
        <translation>기준: %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 values compared, %2 out of tolerance, %3 without a reference</source>
        <translation>값 %1개 비교, 허용 오차 초과 %2개, 기준 없음 %3개</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>run stopped: %1</source>
        <translation>실행 중단: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>all compared values are within tolerance</source>
        <translation>비교한 모든 값이 허용 오차 안에 있습니다</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no first divergence found</source>
        <translation>처음 어긋난 노드를 찾지 못했습니다</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>first divergence: %1 (node %2)</source>
        <translation>처음 어긋난 노드: %1 (노드 %2)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>  it ran fused with %1; --every-node compares inside the group</source>
        <translation>  %1와(과) 융합되어 실행되었습니다. --every-node로 그룹 내부를 비교합니다</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>isolation: not run: %1</source>
        <translation>분리 실행: 실행하지 못함: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>isolation: the node itself disagrees on the reference&apos;s inputs (its own error)</source>
        <translation>분리 실행: 기준 입력으로도 노드 결과가 다릅니다 (노드 자체의 오차)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>isolation: on the reference&apos;s inputs the node agrees; the error is inherited</source>
        <translation>분리 실행: 기준 입력으로는 노드 결과가 일치합니다 (앞에서 물려받은 오차)</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Compare a model layer by layer with a reference and find the first divergent node.
Exit status: 0 within tolerance, 3 mismatch, 2 unreadable input, 1 usage error.</source>
        <translation>모델을 기준과 레이어별로 비교하고 처음 어긋난 노드를 찾습니다.
종료 상태: 0 허용 오차 안, 3 불일치, 2 읽을 수 없는 입력, 1 사용법 오류.</translation>
    </message>
    <message>
        <location line="+4"/>
        <location filename="../app/cli_info.cpp" line="+1"/>
        <location filename="../app/cli_profile.cpp" line="+57"/>
        <location filename="../app/cli_run.cpp" line="+18"/>
        <source>The .onnx file.</source>
        <translation>.onnx 파일.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Reference values: a .pb, .npy or .npz file, or a test_data_set folder.</source>
        <translation>기준 값: .pb, .npy, .npz 파일 또는 test_data_set 폴더.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>FILE_OR_DIR</source>
        <translation>FILE_OR_DIR</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Compare with the same model on another backend.</source>
        <translation>같은 모델을 다른 백엔드에서 실행한 결과와 비교합니다.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Compare with another model, value by value name.</source>
        <translation>다른 모델과 값 이름별로 비교합니다.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>MODEL2</source>
        <translation>MODEL2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Value NAME of MODEL is NAME2 in MODEL2 (repeatable).</source>
        <translation>MODEL의 값 NAME은 MODEL2의 NAME2입니다 (반복 가능).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>NAME=NAME2</source>
        <translation>NAME=NAME2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Absolute tolerance.</source>
        <translation>절대 허용 오차.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>X</source>
        <translation>X</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Relative tolerance.</source>
        <translation>상대 허용 오차.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Y</source>
        <translation>Y</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tolerance for one value (repeatable).</source>
        <translation>값 하나의 허용 오차 (반복 가능).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>NAME=ATOL[,RTOL]</source>
        <translation>NAME=ATOL[,RTOL]</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Do not re-run the first divergent node on the reference&apos;s inputs.</source>
        <translation>처음 어긋난 노드를 기준 입력으로 다시 실행하지 않습니다.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Run every node of both sides unfused, to compare the values inside fused groups too (the outputs may then differ from a plain run&apos;s in the last bits).</source>
        <translation>양쪽의 모든 노드를 융합하지 않고 실행하여 융합된 그룹 내부의 값도 비교합니다(이때 출력은 일반 실행의 출력과 마지막 비트에서 다를 수 있습니다).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Print the report as JSON.</source>
        <translation>보고서를 JSON으로 출력합니다.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>compare needs one MODEL</source>
        <translation>compare에는 MODEL 하나가 필요합니다</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>give exactly one of --ref, --against-backend, --against-model</source>
        <translation>--ref, --against-backend, --against-model 중 정확히 하나를 지정하세요</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>--atol and --rtol need non-negative numbers</source>
        <translation>--atol과 --rtol에는 음수가 아닌 숫자가 필요합니다</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>--tolerance needs NAME=ATOL[,RTOL], got &apos;%1&apos;</source>
        <translation>--tolerance에는 NAME=ATOL[,RTOL]이 필요합니다. 받은 값: &apos;%1&apos;</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>--map needs NAME=NAME2, got &apos;%1&apos;</source>
        <translation>--map에는 NAME=NAME2가 필요합니다. 받은 값: &apos;%1&apos;</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>cannot read the reference: %1</source>
        <translation>기준을 읽을 수 없습니다: %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>backend %1</source>
        <translation>백엔드 %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>model %1</source>
        <translation>모델 %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>cannot plan the reference: %1</source>
        <translation>기준 모델의 실행 계획을 세울 수 없습니다: %1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>cannot start the comparison: %1</source>
        <translation>비교를 시작할 수 없습니다: %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>the reference has none of the model&apos;s values</source>
        <translation>기준에 모델의 값이 하나도 없습니다</translation>
    </message>
    <message>
        <location filename="../app/cli_info.cpp" line="+1"/>
        <source>Print JSON.</source>
        <translation>JSON으로 출력합니다.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>usage: onnxscope-cli info MODEL [--json]</source>
        <translation>사용법: onnxscope-cli info MODEL [--json]</translation>
    </message>
    <message>
        <location filename="../app/cli_main.cpp" line="+17"/>
        <source>print a model&apos;s overview (--json)</source>
        <translation>모델 개요 출력 (--json)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>run ONNX backend tests (DIR [--filter RE] [--json])</source>
        <translation>ONNX 백엔드 테스트 실행 (DIR [--filter RE] [--json])</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>run a model (--input NAME=FILE --output-dir DIR)</source>
        <translation>모델 실행 (--input NAME=FILE --output-dir DIR)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>time each node (--runs N --json FILE --trace FILE)</source>
        <translation>노드별 시간 측정 (--runs N --json FILE --trace FILE)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>compare two profiles node by node (A.json B.json [--json] [--fail-above R])</source>
        <translation>두 프로파일을 노드별로 비교 (A.json B.json [--json] [--fail-above R])</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>compare layer by layer (--ref FILE_OR_DIR | --against-backend B | --against-model M)</source>
        <translation>레이어별 비교 (--ref FILE_OR_DIR | --against-backend B | --against-model M)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>structural diff of two models (A B [--json])</source>
        <translation>두 모델의 구조 비교 (A B [--json])</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>list OpenCL platforms and devices</source>
        <translation>OpenCL 플랫폼과 장치 목록 출력</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>time the graph view layout (--expand-all --json --svg OUT)</source>
        <translation>그래프 보기 배치 시간 측정 (--expand-all --json --svg OUT)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>edit metadata and save (-o OUT --set K=V --unset K)</source>
        <translation>메타데이터를 편집하고 저장 (-o OUT --set K=V --unset K)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>usage: onnxscope-cli COMMAND [ARGS...]</source>
        <translation>사용법: onnxscope-cli COMMAND [ARGS...]</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Commands:</source>
        <translation>명령:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Run &apos;onnxscope-cli COMMAND --help&apos; for a command&apos;s options.</source>
        <translation>명령의 옵션을 보려면 &apos;onnxscope-cli COMMAND --help&apos;를 실행하세요.</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>unknown command &apos;%1&apos;</source>
        <translation>알 수 없는 명령 &apos;%1&apos;</translation>
    </message>
    <message>
        <location filename="../app/cli_util.cpp" line="+49"/>
        <source>cannot read model: %1</source>
        <translation>모델을 읽을 수 없습니다: %1</translation>
    </message>
    <message>
        <location filename="../app/cli_conformance.cpp" line="+20"/>
        <source>Run ONNX backend conformance tests from DIR (a folder of test_* folders, or one test folder).</source>
        <translation>DIR의 ONNX 백엔드 적합성 테스트를 실행합니다(test_* 폴더들이 있는 폴더 또는 테스트 폴더 하나).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Test folder or folder of tests.</source>
        <translation>테스트 폴더 또는 테스트들이 있는 폴더.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Backend to run on (cpu).</source>
        <translation>실행할 백엔드(cpu).</translation>
    </message>
    <message>
        <location filename="../app/cli_compare.cpp" line="-127"/>
        <location filename="../app/cli_conformance.cpp" line="+1"/>
        <location filename="../app/cli_engine_options.cpp" line="+31"/>
        <source>NAME</source>
        <translation>NAME</translation>
    </message>
    <message>
        <location filename="../app/cli_conformance.cpp" line="+1"/>
        <source>Threads per test.</source>
        <translation>테스트당 스레드 수.</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../app/cli_engine_options.cpp" line="+1"/>
        <location line="+7"/>
        <location filename="../app/cli_profile.cpp" line="+3"/>
        <location line="+2"/>
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Print the results as JSON.</source>
        <translation>결과를 JSON으로 출력합니다.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Run only tests whose name matches REGEX.</source>
        <translation>이름이 REGEX와 일치하는 테스트만 실행합니다.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>REGEX</source>
        <translation>REGEX</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Print only failing tests.</source>
        <translation>실패한 테스트만 출력합니다.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Seconds before a test counts as hung.</source>
        <translation>테스트가 멈춘 것으로 간주하기까지의 초.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SECONDS</source>
        <translation>SECONDS</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Run tests in this process (for debuggers).</source>
        <translation>테스트를 이 프로세스에서 실행합니다(디버거용).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Exit 0 when at least this fraction of tests pass (default: all must pass).</source>
        <translation>이 비율 이상의 테스트가 통과하면 0으로 종료합니다(기본값: 모두 통과해야 함).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>FRACTION</source>
        <translation>FRACTION</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>conformance needs one DIR</source>
        <translation>conformance에는 DIR 하나가 필요합니다</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>--threads needs a positive number</source>
        <translation>--threads에는 양수가 필요합니다</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>--timeout needs a positive number</source>
        <translation>--timeout에는 양수가 필요합니다</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>--min-pass-rate needs a fraction between 0 and 1</source>
        <translation>--min-pass-rate에는 0과 1 사이의 비율이 필요합니다</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>invalid --filter: %1</source>
        <translation>잘못된 --filter: %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>no tests (folders with model.onnx) in %1</source>
        <translation>%1에 테스트(model.onnx가 있는 폴더)가 없습니다</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>%1 passed, %2 failed</source>
        <translation>%1개 통과, %2개 실패</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>; %1 of %2 node runs on %3</source>
        <translation>; 노드 실행 %2회 중 %1회가 %3에서 실행됨</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>no test matched the filter</source>
        <translation>필터와 일치하는 테스트가 없습니다</translation>
    </message>
    <message>
        <location filename="../app/cli_engine_options.cpp" line="-8"/>
        <source>Backend to run on (cpu, opencl, opencl:N; see &apos;devices&apos;).</source>
        <translation>실행할 백엔드(cpu, opencl, opencl:N; &apos;devices&apos; 참고).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Threads kernels may use (0: all cores).</source>
        <translation>커널이 사용할 스레드 수(0: 모든 코어).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Input value from a .pb, .npy or FILE.npz:member file (repeatable).</source>
        <translation>.pb, .npy 또는 FILE.npz:member 파일에서 읽을 입력 값(여러 번 지정 가능).</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>NAME=FILE</source>
        <translation>NAME=FILE</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Folder with input_K.pb files (graph input order) or NAME.pb / NAME.npy.</source>
        <translation>input_K.pb 파일(그래프 입력 순서) 또는 NAME.pb / NAME.npy가 있는 폴더.</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../app/cli_run.cpp" line="+4"/>
        <source>DIR</source>
        <translation>DIR</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Value of a symbolic dimension (repeatable).</source>
        <translation>기호 차원의 값(여러 번 지정 가능).</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>NAME=VALUE</source>
        <translation>NAME=VALUE</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Seed for random inputs.</source>
        <translation>임의 입력에 쓸 시드.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>--threads needs a number, got &apos;%1&apos;</source>
        <translation>--threads에는 숫자가 필요한데 &apos;%1&apos;이(가) 주어졌습니다</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>--dim needs NAME=VALUE, got &apos;%1&apos;</source>
        <translation>--dim에는 NAME=VALUE가 필요한데 &apos;%1&apos;이(가) 주어졌습니다</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>--input needs NAME=FILE, got &apos;%1&apos;</source>
        <translation>--input에는 NAME=FILE이 필요한데 &apos;%1&apos;이(가) 주어졌습니다</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>the model has no input named &apos;%1&apos;</source>
        <translation>모델에 &apos;%1&apos;(이)라는 입력이 없습니다</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+24"/>
        <source>cannot read input &apos;%1&apos;: %2</source>
        <translation>입력 &apos;%1&apos;을(를) 읽을 수 없습니다: %2</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>input &apos;%1&apos; is not a tensor; give it with --input or --input-dir</source>
        <translation>입력 &apos;%1&apos;은(는) 텐서가 아닙니다. --input 또는 --input-dir로 지정하세요</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>input &apos;%1&apos;: %2</source>
        <translation>입력 &apos;%1&apos;: %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>notice: input &apos;%1&apos; not given; using seeded random data %2</source>
        <translation>알림: 입력 &apos;%1&apos;이(가) 주어지지 않아 시드가 고정된 임의 데이터를 사용합니다 %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>(unknown dims %1 set to 1; use --dim NAME=VALUE)</source>
        <translation>(알 수 없는 차원 %1을(를) 1로 설정했습니다. --dim NAME=VALUE를 사용하세요)</translation>
    </message>
    <message>
        <location filename="../app/cli_profile.cpp" line="-31"/>
        <location filename="../app/cli_run.cpp" line="+39"/>
        <source>cannot write %1: %2</source>
        <translation>%1에 쓸 수 없습니다: %2</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Time each node of a model.</source>
        <translation>모델의 각 노드 시간을 측정합니다.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Untimed runs first.</source>
        <translation>측정하지 않는 사전 실행 횟수.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Timed runs.</source>
        <translation>측정할 실행 횟수.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Write the statistics as JSON.</source>
        <translation>통계를 JSON으로 저장합니다.</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+3"/>
        <source>FILE</source>
        <translation>FILE</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Write a Chrome trace (chrome://tracing, Perfetto).</source>
        <translation>Chrome 트레이스를 저장합니다(chrome://tracing, Perfetto).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>profile needs one MODEL</source>
        <translation>profile에는 MODEL 하나가 필요합니다</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>--warmup needs N &gt;= 0 and --runs N &gt;= 1</source>
        <translation>--warmup에는 N &gt;= 0, --runs에는 N &gt;= 1이 필요합니다</translation>
    </message>
    <message>
        <location filename="../app/cli_engine_options.cpp" line="+37"/>
        <source>cannot plan the model: %1</source>
        <translation>모델 실행 계획을 세울 수 없습니다: %1</translation>
    </message>
    <message>
        <location filename="../app/cli_profile.cpp" line="+32"/>
        <location filename="../app/cli_run.cpp" line="-17"/>
        <source>run failed: %1</source>
        <translation>실행 실패: %1</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>%1 runs after %2 warm-up; median total %3 ms</source>
        <translation>예열 %2회 후 %1회 실행, 전체 중앙값 %3ms</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Node times add up to %1 ms (%2% of the run); without the profiler a run takes %3 ms (overhead %4x)</source>
        <translation>노드 시간의 합은 %1ms(실행 시간의 %2%)이며, 프로파일러 없이 실행하면 %3ms가 걸립니다(오버헤드 %4배)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Per node (ms):</source>
        <translation>노드별 (ms):</translation>
    </message>
    <message>
        <location line="+3"/>
        <location filename="../app/cli_profile_diff.cpp" line="+206"/>
        <source>node</source>
        <translation>노드</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../app/cli_profile_diff.cpp" line="+1"/>
        <source>op</source>
        <translation>연산자</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>median</source>
        <translation>중앙값</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>min</source>
        <translation>최소</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>max</source>
        <translation>최대</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>backend / shapes</source>
        <translation>백엔드 / 형태</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>(between nodes)</source>
        <translation>(노드 사이)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Per op type (ms, over all runs):</source>
        <translation>연산자 종류별 (ms, 전체 실행 합산):</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>count %1</source>
        <translation>횟수 %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>total %1</source>
        <translation>합계 %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>median %1</source>
        <translation>중앙값 %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>min %1</source>
        <translation>최소 %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>max %1</source>
        <translation>최대 %1</translation>
    </message>
    <message>
        <location filename="../app/cli_run.cpp" line="-28"/>
        <source>Run a model once.</source>
        <translation>모델을 한 번 실행합니다.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Write the outputs as output_K.pb here.</source>
        <translation>출력을 이 폴더에 output_K.pb로 저장합니다.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>run needs one MODEL</source>
        <translation>run에는 MODEL 하나가 필요합니다</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>cannot create %1</source>
        <translation>%1을(를) 만들 수 없습니다</translation>
    </message>
    <message>
        <location filename="../app/cli_diff.cpp" line="+92"/>
        <source>the models are structurally identical (%1 nodes)</source>
        <translation>두 모델의 구조가 같습니다 (노드 %1개)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>nodes: %1 in A, %2 in B, %3 unchanged, %4 differ</source>
        <translation>노드: A에 %1개, B에 %2개, 변경 없음 %3개, 다름 %4개</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>[matched by %1]</source>
        <translation>[%1(으)로 대응]</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>initializer %1</source>
        <translation>초기값 %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 elements differ, max abs difference %2</source>
        <translation>원소 %1개가 다름, 최대 절대 차이 %2</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Structural diff of two models.
Exit status: 0 identical, 3 different, 2 unreadable, 1 usage error.</source>
        <translation>두 모델의 구조 차이를 보여 줍니다.
종료 상태: 0 같음, 3 다름, 2 읽을 수 없음, 1 사용법 오류.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The first .onnx file.</source>
        <translation>첫 번째 .onnx 파일.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The second .onnx file.</source>
        <translation>두 번째 .onnx 파일.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Print the diff as JSON.</source>
        <translation>차이를 JSON으로 출력합니다.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>diff needs two models, A and B</source>
        <translation>diff에는 모델 두 개(A와 B)가 필요합니다</translation>
    </message>
    <message>
        <location filename="../app/cli_layout_launcher.cpp" line="+32"/>
        <source>this build of onnxscope-cli has no layout support: &apos;layout&apos; needs the graph view&apos;s layout code, which comes with the desktop application. Install the onnxscope package, or build with -DONNXSCOPE_BUILD_GUI=ON.</source>
        <translation>이 onnxscope-cli 빌드에는 레이아웃 기능이 없습니다: &apos;layout&apos;에는 데스크톱 애플리케이션에 포함된 그래프 뷰의 레이아웃 코드가 필요합니다. onnxscope 패키지를 설치하거나 -DONNXSCOPE_BUILD_GUI=ON으로 빌드하세요.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>%1 failed: %2</source>
        <translation>%1 실패: %2</translation>
    </message>
    <message>
        <location filename="../app/cli_profile_diff.cpp" line="-172"/>
        <source>cannot read %1: %2</source>
        <translation>%1을(를) 읽을 수 없습니다: %2</translation>
    </message>
    <message>
        <location line="+151"/>
        <source>%1, threads %2, %3</source>
        <translation>%1, 스레드 %2, %3</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Note: the profiles were taken of different model files (SHA-256 differs); nodes are matched by name.</source>
        <translation>참고: 두 프로파일은 서로 다른 모델 파일에서 측정되었습니다(SHA-256이 다름). 노드는 이름으로 대응시킵니다.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Total (median run): %1 ms -&gt; %2 ms, %3 (%4 ms)</source>
        <translation>전체 (실행 중앙값): %1 ms -&gt; %2 ms, %3 (%4 ms)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Node sum: %1 ms -&gt; %2 ms, %3 (%4 ms)</source>
        <translation>노드 합계: %1 ms -&gt; %2 ms, %3 (%4 ms)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Per node (median ms), largest change first:</source>
        <translation>노드별 (중앙값 ms), 변화가 큰 순서:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>change</source>
        <translation>변화</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ratio</source>
        <translation>비율</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Only in A: %1</source>
        <translation>A에만 있음: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Only in B: %1</source>
        <translation>B에만 있음: %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the total</source>
        <translation>전체</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Above --fail-above %1: %2</source>
        <translation>--fail-above %1 초과: %2</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>--%1 needs a number &gt;= 0, got &apos;%2&apos;</source>
        <translation>--%1에는 0 이상의 숫자가 필요합니다. 받은 값: &apos;%2&apos;</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Compare two profiles written by &apos;profile --json&apos;: per-node and total ratios B / A.
Exit status: 0, or 4 when --fail-above is given and the total&apos;s or a node&apos;s ratio exceeds it; 2 unreadable, 1 usage error.</source>
        <translation>&apos;profile --json&apos;으로 만든 두 프로파일을 비교합니다: 노드별 및 전체 비율 B / A.
종료 상태: 0, --fail-above가 주어지고 전체나 노드의 비율이 그 값을 넘으면 4, 읽을 수 없으면 2, 사용법 오류는 1.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The baseline profile (.json).</source>
        <translation>기준 프로파일 (.json).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The profile to compare with it (.json).</source>
        <translation>기준과 비교할 프로파일 (.json).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Print the comparison as JSON.</source>
        <translation>비교 결과를 JSON으로 출력합니다.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Exit with status 4 when a ratio B / A exceeds this.</source>
        <translation>비율 B / A가 이 값을 넘으면 상태 4로 종료합니다.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>RATIO</source>
        <translation>RATIO</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Nodes faster than this in both profiles never fail the run.</source>
        <translation>두 프로파일 모두에서 이보다 빠른 노드는 실패로 판정하지 않습니다.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>MS</source>
        <translation>MS</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>profile-diff needs two profiles, A and B</source>
        <translation>profile-diff에는 두 프로파일 A와 B가 필요합니다</translation>
    </message>
    <message>
        <location filename="../app/cli_profile_document.cpp" line="+54"/>
        <source>not an onnxscope profile (no &quot;schema&quot;: &quot;%1&quot;); write one with &apos;onnxscope-cli profile MODEL --json FILE&apos;</source>
        <translation>onnxscope 프로파일이 아닙니다 (&quot;schema&quot;: &quot;%1&quot; 없음). &apos;onnxscope-cli profile MODEL --json FILE&apos;로 만드세요</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>profile schema version %1 is not supported (this build reads version %2)</source>
        <translation>프로파일 스키마 버전 %1은(는) 지원되지 않습니다 (이 빌드는 버전 %2을(를) 읽습니다)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the profile has no &quot;nodes&quot; list</source>
        <translation>프로파일에 &quot;nodes&quot; 목록이 없습니다</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../app/main.cpp" line="+30"/>
        <source>Browse, run and profile ONNX models.</source>
        <translation>ONNX 모델을 탐색하고 실행하고 프로파일합니다.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Interface language (en, ko); overrides Settings.</source>
        <translation>인터페이스 언어(en, ko). 설정보다 우선합니다.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Save a picture of the window once the model is shown, then quit.</source>
        <translation>모델이 표시되면 창의 그림을 저장하고 종료합니다.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>ONNX model to open.</source>
        <translation>열 ONNX 모델.</translation>
    </message>
</context>
<context>
    <name>onnxscope::AboutDialog</name>
    <message>
        <location filename="../app/about_dialog.cpp" line="+29"/>
        <source>About ONNX Scope</source>
        <translation>ONNX Scope 정보</translation>
    </message>
    <message>
        <location line="+12"/>
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
        <location line="+26"/>
        <source>OpenCL devices:</source>
        <translation>OpenCL 장치:</translation>
    </message>
</context>
<context>
    <name>onnxscope::CompareController</name>
    <message>
        <location filename="../views/compare/compare_controller.cpp" line="+97"/>
        <source>Compare</source>
        <translation>비교</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Compare</source>
        <translation>비교(&amp;C)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Compare &amp;Layers…</source>
        <translation>레이어별 비교(&amp;L)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Find the first node where the model&apos;s numbers diverge from a reference</source>
        <translation>모델의 값이 기준과 처음 어긋나는 노드를 찾습니다</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Start Comparison</source>
        <translation>비교 시작(&amp;S)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Ca&amp;ncel Comparison</source>
        <translation>비교 취소(&amp;N)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Diff with Model…</source>
        <translation>다른 모델과 구조 비교(&amp;D)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show the structural differences to another model side by side</source>
        <translation>다른 모델과의 구조 차이를 나란히 보여 줍니다</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Diff with Model</source>
        <translation>다른 모델과 구조 비교</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ONNX models (*.onnx);;All files (*)</source>
        <translation>ONNX 모델 (*.onnx);;모든 파일 (*)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Clear Error &amp;Overlay</source>
        <translation>오차 오버레이 지우기(&amp;O)</translation>
    </message>
    <message>
        <location line="+42"/>
        <location line="+127"/>
        <source>Choose the reference model first.</source>
        <translation>먼저 기준 모델을 선택하세요.</translation>
    </message>
    <message>
        <location line="-126"/>
        <source>Choose a reference file or folder first.</source>
        <translation>먼저 기준 파일이나 폴더를 선택하세요.</translation>
    </message>
    <message>
        <location line="+71"/>
        <source>Max abs error</source>
        <translation>최대 절대 오차</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>First divergence</source>
        <translation>처음 어긋난 노드</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Computing both sides of %1…</source>
        <translation>%1의 양쪽 값을 계산하는 중…</translation>
    </message>
</context>
<context>
    <name>onnxscope::ComparePanel</name>
    <message>
        <location filename="../views/compare/compare_panel.cpp" line="+46"/>
        <source>Expected or dumped tensors (files)</source>
        <translation>기대값 또는 덤프한 텐서 (파일)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The same model on another backend</source>
        <translation>다른 백엔드에서 실행한 같은 모델</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Another model</source>
        <translation>다른 모델</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reference:</source>
        <translation>기준:</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+109"/>
        <source>.pb, .npy, .npz or a test_data_set folder</source>
        <translation>.pb, .npy, .npz 또는 test_data_set 폴더</translation>
    </message>
    <message>
        <location line="-108"/>
        <source>Browse…</source>
        <translation>찾아보기…</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+166"/>
        <source>Map values…</source>
        <translation>값 대응 설정…</translation>
    </message>
    <message>
        <location line="-165"/>
        <source>Pair values the two models name differently</source>
        <translation>두 모델에서 이름이 다른 값을 서로 짝지어 줍니다</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>File:</source>
        <translation>파일:</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+1"/>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Model on</source>
        <translation>모델</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>reference on</source>
        <translation>기준</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Backends:</source>
        <translation>백엔드:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Isolate the first divergence</source>
        <translation>처음 어긋난 노드 분리 실행</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Re-run the diverging node on the reference&apos;s inputs to tell its own error from error it inherited</source>
        <translation>어긋난 노드를 기준 입력으로 다시 실행하여 노드 자체의 오차인지 앞에서 물려받은 오차인지 구분합니다</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+244"/>
        <source>atol</source>
        <translation>atol</translation>
    </message>
    <message>
        <location line="-242"/>
        <location line="+243"/>
        <source>rtol</source>
        <translation>rtol</translation>
    </message>
    <message>
        <location line="-239"/>
        <source>Tolerance:</source>
        <translation>허용 오차:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Compare every node (unfused)</source>
        <translation>모든 노드 비교(융합 안 함)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Run every node of the model on its own, so values inside fused groups are compared too. Off, both sides run as a plain run does, and the comparison sees exactly the numbers it produces.</source>
        <translation>모델의 모든 노드를 각각 실행하여 융합된 그룹 내부의 값도 비교합니다. 끄면 양쪽 모두 일반 실행과 똑같이 실행되며, 비교는 일반 실행이 만드는 값을 그대로 봅니다.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Compare</source>
        <translation>비교</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Set tolerance for this value…</source>
        <translation>이 값의 허용 오차 설정…</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>the other .onnx model</source>
        <translation>비교할 다른 .onnx 모델</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Reference model</source>
        <translation>기준 모델</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ONNX models (*.onnx);;All files (*)</source>
        <translation>ONNX 모델 (*.onnx);;모든 파일 (*)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A tensor file…</source>
        <translation>텐서 파일…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A test_data_set folder…</source>
        <translation>test_data_set 폴더…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Reference tensors</source>
        <translation>기준 텐서</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tensors (*.pb *.npy *.npz);;All files (*)</source>
        <translation>텐서 (*.pb *.npy *.npz);;모든 파일 (*)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reference folder</source>
        <translation>기준 폴더</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Map values (%1)…</source>
        <translation>값 대응 설정 (%1)…</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Compared %1 values against %2; %3 out of tolerance.</source>
        <translation>값 %1개를 기준(%2)과 비교했습니다. 허용 오차 초과 %3개.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>First divergence: &lt;b&gt;%1&lt;/b&gt; — its output is out of tolerance while its inputs are within.</source>
        <translation>처음 어긋난 노드: &lt;b&gt;%1&lt;/b&gt; — 입력은 허용 오차 안에 있지만 출력은 허용 오차를 벗어납니다.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>It ran fused with %1; compare every node to look inside the group.</source>
        <translation>%1와(과) 융합되어 실행되었습니다. 그룹 내부를 보려면 모든 노드를 비교하십시오.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Could not re-run it on the reference&apos;s inputs: %1</source>
        <translation>기준 입력으로 다시 실행하지 못했습니다: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Re-run on the reference&apos;s inputs it still disagrees: the error is the op&apos;s own.</source>
        <translation>기준 입력으로 다시 실행해도 결과가 다릅니다. 연산자 자체의 오차입니다.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Re-run on the reference&apos;s inputs it agrees: the error is inherited from differences below tolerance upstream.</source>
        <translation>기준 입력으로 다시 실행하면 결과가 일치합니다. 앞쪽에서 생긴 허용 오차 미만의 차이를 물려받은 오차입니다.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Every compared value is within tolerance.</source>
        <translation>비교한 모든 값이 허용 오차 안에 있습니다.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 values had no reference.</source>
        <translation>값 %1개는 기준이 없었습니다.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The run stopped early: %1</source>
        <translation>실행이 도중에 중단되었습니다: %1</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Tolerance for %1</source>
        <translation>%1의 허용 오차</translation>
    </message>
</context>
<context>
    <name>onnxscope::CompareResultsModel</name>
    <message>
        <location filename="../views/compare/compare_results_model.cpp" line="+19"/>
        <source>kind differs</source>
        <translation>종류가 다름</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>shape differs</source>
        <translation>형태가 다름</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 new NaN, %2 new Inf</source>
        <translation>새 NaN %1개, 새 Inf %2개</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>within tolerance</source>
        <translation>허용 오차 안</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1% outside</source>
        <translation>%1% 벗어남</translation>
    </message>
    <message>
        <location line="+129"/>
        <source>Value</source>
        <translation>값</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Node</source>
        <translation>노드</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Op</source>
        <translation>연산자</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Max abs</source>
        <translation>최대 절대 오차</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Max rel</source>
        <translation>최대 상대 오차</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mean abs</source>
        <translation>평균 절대 오차</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cosine</source>
        <translation>코사인</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Outside</source>
        <translation>벗어남</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Verdict</source>
        <translation>판정</translation>
    </message>
</context>
<context>
    <name>onnxscope::CompareRunner</name>
    <message>
        <location filename="../views/compare/compare_runner.cpp" line="+188"/>
        <source>Comparison cancelled.</source>
        <translation>비교를 취소했습니다.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Open a model first.</source>
        <translation>먼저 모델을 여세요.</translation>
    </message>
</context>
<context>
    <name>onnxscope::ComponentVersions</name>
    <message>
        <location filename="../app/component_versions.cpp" line="+64"/>
        <source>not linked</source>
        <translation>링크되지 않음</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 (built with %2)</source>
        <translation>%1 (%2로 빌드됨)</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>ICD loader linked</source>
        <translation>ICD 로더 링크됨</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>No OpenCL platform found (clGetPlatformIDs returned %1).</source>
        <translation>OpenCL 플랫폼을 찾지 못했습니다(clGetPlatformIDs 반환값 %1).</translation>
    </message>
    <message>
        <location line="+21"/>
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
    <name>onnxscope::DataWatchDialog</name>
    <message>
        <location filename="../views/debugger/data_watch_dialog.cpp" line="+15"/>
        <source>Stop when an output has NaN or Inf</source>
        <translation>출력에 NaN 또는 Inf가 있으면 멈춤</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop when an output value leaves the range</source>
        <translation>출력 값이 범위를 벗어나면 멈춤</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Data Breakpoints</source>
        <translation>데이터 중단점</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Checked after every node, on every output it produces.</source>
        <translation>노드마다 실행 후 그 노드의 모든 출력을 검사합니다.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Lowest allowed:</source>
        <translation>허용 최솟값:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Highest allowed:</source>
        <translation>허용 최댓값:</translation>
    </message>
</context>
<context>
    <name>onnxscope::DebugController</name>
    <message>
        <location filename="../views/debugger/debug_controller.cpp" line="+62"/>
        <source>Cannot run the model: %1</source>
        <translation>모델을 실행할 수 없습니다: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not runnable</source>
        <translation>실행할 수 없음</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>Edge %1</source>
        <translation>연결 %1</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>&amp;Debug</source>
        <translation>디버그(&amp;D)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Debug Toolbar</source>
        <translation>디버그 도구 모음</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>&amp;Run / Continue</source>
        <translation>실행 / 계속(&amp;R)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Run the model to the end or a breakpoint, continuing a stopped pass</source>
        <translation>모델을 끝이나 중단점까지 실행합니다. 멈춘 실행이 있으면 이어서 실행합니다</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Continue</source>
        <translation>계속(&amp;C)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Run on from the current node</source>
        <translation>현재 노드부터 이어서 실행</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Step</source>
        <translation>한 단계 실행(&amp;S)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Run the next node in execution order</source>
        <translation>실행 순서상 다음 노드를 실행</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Run &amp;to Selected Node</source>
        <translation>선택한 노드까지 실행(&amp;T)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Run until the selected node has run</source>
        <translation>선택한 노드가 실행될 때까지 실행</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Pause</source>
        <translation>일시 중지(&amp;P)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Stop before the next node</source>
        <translation>다음 노드 앞에서 멈춤</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>St&amp;op</source>
        <translation>중지(&amp;O)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>End the pass; the next run starts from the first node</source>
        <translation>이번 실행을 끝냅니다. 다음 실행은 첫 노드부터 시작합니다</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rest&amp;art</source>
        <translation>다시 시작(&amp;A)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start a new pass, stopped before the first node</source>
        <translation>새로 실행을 시작하고 첫 노드 앞에서 멈춤</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Toggle &amp;Breakpoint</source>
        <translation>중단점 설정/해제(&amp;B)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Stop before the selected node</source>
        <translation>선택한 노드 앞에서 멈춤</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Break on Op &amp;Type…</source>
        <translation>연산자 종류에서 중단(&amp;T)…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Stop before every node of an op type</source>
        <translation>한 연산자 종류의 모든 노드 앞에서 멈춤</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Break in Name &amp;Scope…</source>
        <translation>이름 범위에서 중단(&amp;S)…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Stop before every node under a name scope</source>
        <translation>한 이름 범위 아래의 모든 노드 앞에서 멈춤</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Data Breakpoints…</source>
        <translation>데이터 중단점(&amp;D)…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Stop when an output has NaN/Inf or leaves a range</source>
        <translation>출력에 NaN/Inf가 있거나 출력이 범위를 벗어나면 멈춤</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>C&amp;lear All Breakpoints</source>
        <translation>모든 중단점 지우기(&amp;L)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove every breakpoint</source>
        <translation>모든 중단점 제거</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Inputs…</source>
        <translation>입력(&amp;I)…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Choose the graph inputs</source>
        <translation>그래프 입력 선택</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pro&amp;file…</source>
        <translation>프로파일(&amp;F)…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Time every node over several runs</source>
        <translation>여러 번 실행하여 모든 노드의 시간을 측정</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Backend the model runs on</source>
        <translation>모델을 실행할 백엔드</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>all cores</source>
        <translation>모든 코어</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>threads: </source>
        <translation>스레드: </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Threads kernels may use</source>
        <translation>커널이 사용할 스레드 수</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Execution</source>
        <translation>실행</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tensor</source>
        <translation>텐서</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+504"/>
        <source>Profile</source>
        <translation>프로파일</translation>
    </message>
    <message>
        <location line="-438"/>
        <source>Planning…</source>
        <translation>실행 계획을 세우는 중…</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Preparing inputs…</source>
        <translation>입력을 준비하는 중…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Inputs: %1; using seeded random data instead.</source>
        <translation>입력: %1. 대신 시드가 고정된 임의 데이터를 사용합니다.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No inputs</source>
        <translation>입력 없음</translation>
    </message>
    <message>
        <location line="+86"/>
        <source>Select a node of the main graph to run to.</source>
        <translation>어디까지 실행할지 메인 그래프의 노드를 선택하세요.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Select a node of the main graph to set a breakpoint on.</source>
        <translation>중단점을 설정할 메인 그래프의 노드를 선택하세요.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Breakpoint set.</source>
        <translation>중단점을 설정했습니다.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Breakpoint removed.</source>
        <translation>중단점을 제거했습니다.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Breaking on every %1.</source>
        <translation>모든 %1 노드에서 중단합니다.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>No longer breaking on %1.</source>
        <translation>이제 %1 노드에서 중단하지 않습니다.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Breaking in %1.</source>
        <translation>%1 안에서 중단합니다.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>No longer breaking in %1.</source>
        <translation>이제 %1 안에서 중단하지 않습니다.</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Ready at the first node.</source>
        <translation>첫 노드에서 대기 중입니다.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Finished: node times add up to %1.</source>
        <translation>완료: 노드 시간 합계 %1.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Failed at %1: %2</source>
        <translation>%1에서 실패: %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Breakpoint before %1.</source>
        <translation>%1 앞의 중단점에서 멈췄습니다.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Data breakpoint after %1: %2</source>
        <translation>%1 실행 후 데이터 중단점: %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Paused before %1.</source>
        <translation>%1 앞에서 일시 중지했습니다.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Stopped; the next run starts from the first node.</source>
        <translation>중지했습니다. 다음 실행은 첫 노드부터 시작합니다.</translation>
    </message>
    <message>
        <location line="+68"/>
        <source>Node time</source>
        <translation>노드 시간</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>Failed at %1</source>
        <translation>%1에서 실패</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Before %1 · %2 so far</source>
        <translation>%1 앞 · 지금까지 %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Finished · %1</source>
        <translation>완료 · %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ready</source>
        <translation>준비됨</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Value %1</source>
        <translation>값 %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Initializer %1</source>
        <translation>초기화 텐서 %1</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Timed runs (after one warm-up run); the median is shown:</source>
        <translation>측정 실행 횟수(예열 1회 후). 중앙값을 표시합니다:</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Break on Op Type</source>
        <translation>연산자 종류에서 중단</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop before every node of type (choose again to remove):</source>
        <translation>이 종류의 모든 노드 앞에서 멈춤(다시 선택하면 해제):</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>This model&apos;s node names carry no name scopes.</source>
        <translation>이 모델의 노드 이름에는 이름 범위가 없습니다.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Break in Name Scope</source>
        <translation>이름 범위에서 중단</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop before every node under (choose again to remove):</source>
        <translation>다음 범위 아래의 모든 노드 앞에서 멈춤(다시 선택하면 해제):</translation>
    </message>
</context>
<context>
    <name>onnxscope::DebugExecutor</name>
    <message>
        <location filename="../views/debugger/debug_executor.cpp" line="+175"/>
        <source>Planning the model</source>
        <translation>모델 실행 계획을 세우는 중</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Setting threads</source>
        <translation>스레드를 설정하는 중</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Setting inputs</source>
        <translation>입력을 설정하는 중</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Running</source>
        <translation>실행 중</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Stepping</source>
        <translation>한 단계 실행 중</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Running to a node</source>
        <translation>노드까지 실행 중</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Continuing</source>
        <translation>이어서 실행 중</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Restarting</source>
        <translation>다시 시작하는 중</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Stopping</source>
        <translation>중지하는 중</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Profiling</source>
        <translation>프로파일링 중</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Reading a value</source>
        <translation>값을 읽는 중</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+10"/>
        <source>No model is planned.</source>
        <translation>실행 계획이 세워진 모델이 없습니다.</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>&apos;%1&apos; has not been computed in this pass.</source>
        <translation>&apos;%1&apos;은(는) 이번 실행에서 아직 계산되지 않았습니다.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Cannot start: %1</source>
        <translation>시작할 수 없습니다: %1</translation>
    </message>
    <message numerus="yes">
        <location line="+139"/>
        <source>Profiling paused after %n run(s).</source>
        <translation>
            <numerusform>%n회 실행 후 프로파일링을 일시 중지했습니다.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Profiling paused.</source>
        <translation>프로파일링을 일시 중지했습니다.</translation>
    </message>
</context>
<context>
    <name>onnxscope::EditController</name>
    <message>
        <location filename="../views/edit_controller.cpp" line="+33"/>
        <source>Metadata</source>
        <translation>메타데이터</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Edit History</source>
        <translation>편집 기록</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+135"/>
        <source>&amp;Undo</source>
        <translation>실행 취소(&amp;U)</translation>
    </message>
    <message>
        <location line="-134"/>
        <location line="+135"/>
        <source>&amp;Redo</source>
        <translation>다시 실행(&amp;R)</translation>
    </message>
    <message>
        <location line="-134"/>
        <source>&amp;Save</source>
        <translation>저장(&amp;S)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save &amp;As…</source>
        <translation>다른 이름으로 저장(&amp;A)…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&lt;opened model&gt;</source>
        <translation>&lt;열었을 때의 모델&gt;</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Check and save the model</source>
        <translation>모델을 검사하고 저장</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check and save the model under a new name</source>
        <translation>모델을 검사하고 새 이름으로 저장</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>&amp;Edit</source>
        <translation>편집(&amp;E)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Metadata Editor</source>
        <translation>메타데이터 편집기(&amp;M)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Edit &amp;History</source>
        <translation>편집 기록(&amp;H)</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Unsaved Changes</source>
        <translation>저장하지 않은 변경 사항</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>“%1” has unsaved changes. Save them before closing it?</source>
        <translation>“%1”에 저장하지 않은 변경 사항이 있습니다. 닫기 전에 저장할까요?</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>&amp;Undo %1</source>
        <translation>실행 취소(&amp;U): %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Redo %1</source>
        <translation>다시 실행(&amp;R): %1</translation>
    </message>
</context>
<context>
    <name>onnxscope::ExecutionListModel</name>
    <message numerus="yes">
        <location filename="../views/debugger/execution_list_model.cpp" line="+191"/>
        <source>%n node(s)</source>
        <translation>
            <numerusform>노드 %n개</numerusform>
        </translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Failed here</source>
        <translation>여기서 실패</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Node</source>
        <translation>노드</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Op type</source>
        <translation>연산자 종류</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Time</source>
        <translation>시간</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Backend</source>
        <translation>백엔드</translation>
    </message>
</context>
<context>
    <name>onnxscope::GraphMinimap</name>
    <message>
        <location filename="../views/graph_view.cpp" line="+38"/>
        <source>Overview: click to move the view</source>
        <translation>개요: 클릭하면 보기를 옮깁니다</translation>
    </message>
</context>
<context>
    <name>onnxscope::GraphPage</name>
    <message>
        <location filename="../views/graph_page.cpp" line="+48"/>
        <source>Fit to View</source>
        <translation>화면에 맞추기</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Actual Size</source>
        <translation>실제 크기</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Zoom to Selection</source>
        <translation>선택 영역 확대</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Expand All Blocks</source>
        <translation>모든 블록 펼치기</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Collapse All Blocks</source>
        <translation>모든 블록 접기</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Find in Graph</source>
        <translation>그래프에서 찾기</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export Graph as SVG…</source>
        <translation>그래프를 SVG로 내보내기…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export Graph as PNG…</source>
        <translation>그래프를 PNG로 내보내기…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show &amp;Minimap</source>
        <translation>미니맵 표시(&amp;M)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop the running layout</source>
        <translation>진행 중인 배치 중지</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Layout cancelled.</source>
        <translation>배치를 취소했습니다.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Layout %v/%m blocks</source>
        <translation>배치 중 %v/%m 블록</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Layout failed: %1</source>
        <translation>배치 실패: %1</translation>
    </message>
    <message numerus="yes">
        <location line="+88"/>
        <source>%n operator(s)</source>
        <translation>
            <numerusform>연산자 %n개</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+27"/>
        <source>%n operator(s), %1 boxes, layout %2 ms (%3, %4 reused)</source>
        <translation>
            <numerusform>연산자 %n개, 상자 %1개, 배치 %2ms (%3, %4개 재사용)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+73"/>
        <source>Open %1</source>
        <translation>%1 열기</translation>
    </message>
    <message>
        <location line="+119"/>
        <source>Export Graph as SVG</source>
        <translation>그래프를 SVG로 내보내기</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Export Graph as PNG</source>
        <translation>그래프를 PNG로 내보내기</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SVG images (*.svg)</source>
        <translation>SVG 이미지 (*.svg)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>PNG images (*.png)</source>
        <translation>PNG 이미지 (*.png)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Export failed</source>
        <translation>내보내기 실패</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Exported %1</source>
        <translation>%1(으)로 내보냈습니다</translation>
    </message>
</context>
<context>
    <name>onnxscope::GraphSearchPanel</name>
    <message>
        <location filename="../views/graph_search_panel.cpp" line="+21"/>
        <source>Find node, op type or tensor…</source>
        <translation>노드, 연산자 종류 또는 텐서 찾기…</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>input</source>
        <translation>입력</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>output</source>
        <translation>출력</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>(unnamed)</source>
        <translation>(이름 없음)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>initializer</source>
        <translation>가중치</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>tensor</source>
        <translation>텐서</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>First %1 results</source>
        <translation>처음 %1개 결과</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n result(s)</source>
        <translation>
            <numerusform>결과 %n개</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>onnxscope::GraphView</name>
    <message>
        <location filename="../views/graph_view.cpp" line="+599"/>
        <source>Graph exported by ONNX Scope</source>
        <translation>ONNX Scope에서 내보낸 그래프</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+12"/>
        <source>Cannot write %1</source>
        <translation>%1에 쓸 수 없습니다</translation>
    </message>
</context>
<context>
    <name>onnxscope::HeatLegend</name>
    <message>
        <location filename="../views/heat_legend.cpp" line="+22"/>
        <source>Log scale</source>
        <translation>로그 눈금</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Spread small values apart when a few nodes dominate</source>
        <translation>몇몇 노드의 값이 유난히 클 때 작은 값들을 구분해 보여 줍니다</translation>
    </message>
</context>
<context>
    <name>onnxscope::HistogramWidget</name>
    <message numerus="yes">
        <location filename="../views/debugger/histogram_widget.cpp" line="+18"/>
        <source>%n bin(s) from %1 to %2</source>
        <translation>
            <numerusform>%1부터 %2까지 구간 %n개</numerusform>
        </translation>
    </message>
    <message>
        <location line="+16"/>
        <source>No histogram</source>
        <translation>히스토그램 없음</translation>
    </message>
</context>
<context>
    <name>onnxscope::InputDialog</name>
    <message>
        <location filename="../views/debugger/input_dialog.cpp" line="+223"/>
        <source>Graph Inputs</source>
        <translation>그래프 입력</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Symbolic dimensions</source>
        <translation>기호 차원</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Inputs are remembered for this model.</source>
        <translation>입력 설정은 이 모델에 대해 기억됩니다.</translation>
    </message>
</context>
<context>
    <name>onnxscope::InputSpecEditor</name>
    <message>
        <location line="-195"/>
        <source>Seeded random</source>
        <translation>시드 고정 임의 값</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Zeros</source>
        <translation>0으로 채움</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ones</source>
        <translation>1로 채움</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>File (.pb, .npy, .npz)</source>
        <translation>파일 (.pb, .npy, .npz)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Image</source>
        <translation>이미지</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Uniform</source>
        <translation>균등 분포</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Normal</source>
        <translation>정규 분포</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Distribution:</source>
        <translation>분포:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Custom range (else [-1, 1) for floats, [0, 10) for integers)</source>
        <translation>범위 직접 지정 (지정하지 않으면 실수는 [-1, 1), 정수는 [0, 10))</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>to</source>
        <translation>~</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Uniform range:</source>
        <translation>균등 분포 범위:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>std</source>
        <translation>표준편차</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Normal mean:</source>
        <translation>정규 분포 평균:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Seed:</source>
        <translation>시드:</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+10"/>
        <source>Browse…</source>
        <translation>찾아보기…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Image:</source>
        <translation>이미지:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>as is</source>
        <translation>그대로</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Resize to (W × H):</source>
        <translation>크기 조정 (W × H):</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>NCHW</source>
        <translation>NCHW</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>NHWC</source>
        <translation>NHWC</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Layout:</source>
        <translation>레이아웃:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>RGB</source>
        <translation>RGB</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>BGR</source>
        <translation>BGR</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Channel order:</source>
        <translation>채널 순서:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Pixel scale:</source>
        <translation>픽셀 배율:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Mean (R, G, B):</source>
        <translation>평균 (R, G, B):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Std (R, G, B):</source>
        <translation>표준편차 (R, G, B):</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Declared:</source>
        <translation>선언된 형식:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Source:</source>
        <translation>데이터 원본:</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Input Image</source>
        <translation>입력 이미지</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Images (*.png *.jpg *.jpeg *.bmp *.gif *.webp);;All files (*)</source>
        <translation>이미지 (*.png *.jpg *.jpeg *.bmp *.gif *.webp);;모든 파일 (*)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Input Tensor</source>
        <translation>입력 텐서</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tensors (*.pb *.npy *.npz);;All files (*)</source>
        <translation>텐서 (*.pb *.npy *.npz);;모든 파일 (*)</translation>
    </message>
</context>
<context>
    <name>onnxscope::LayoutController</name>
    <message>
        <location filename="../views/layout_controller.cpp" line="+59"/>
        <source>The layout could not be computed.</source>
        <translation>배치를 계산할 수 없습니다.</translation>
    </message>
</context>
<context>
    <name>onnxscope::MainWindow</name>
    <message>
        <location filename="../app/main_window.cpp" line="+81"/>
        <location line="+417"/>
        <source>ONNX Scope</source>
        <translation>ONNX Scope</translation>
    </message>
    <message>
        <location line="-416"/>
        <source>Ready</source>
        <translation>준비됨</translation>
    </message>
    <message>
        <location line="+17"/>
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
        <source>&amp;Keyboard Shortcuts</source>
        <translation>단축키(&amp;K)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Reset Layout</source>
        <translation>배치 초기화(&amp;R)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show the graph with the panels in their first arrangement</source>
        <translation>패널을 처음 배치로 되돌려 그래프를 보여 줍니다</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>About &amp;Qt</source>
        <translation>Qt 정보(&amp;Q)</translation>
    </message>
    <message>
        <location line="+6"/>
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
        <location line="+8"/>
        <source>Main Toolbar</source>
        <translation>기본 도구 모음</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Dismiss</source>
        <translation>닫기</translation>
    </message>
    <message>
        <location line="+29"/>
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
        <location line="+24"/>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Overview</source>
        <translation>개요</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Overview</source>
        <translation>개요(&amp;O)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Properties</source>
        <translation>속성</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Properties</source>
        <translation>속성(&amp;P)</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>The debugger is using the model; pause it before editing.</source>
        <translation>디버거가 모델을 사용하고 있습니다. 편집하기 전에 일시 정지하세요.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A comparison is running; cancel it before editing.</source>
        <translation>비교가 실행 중입니다. 편집하기 전에 취소하세요.</translation>
    </message>
    <message>
        <location line="+13"/>
        <location line="+145"/>
        <source>%1[*] — ONNX Scope</source>
        <translation>%1[*] — ONNX Scope</translation>
    </message>
    <message>
        <location line="-75"/>
        <source>Open Model</source>
        <translation>모델 열기</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>ONNX models (*.onnx);;All files (*)</source>
        <translation>ONNX 모델 (*.onnx);;모든 파일 (*)</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Loading %1 (%2)…</source>
        <translation>%1 (%2) 불러오는 중…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Loading %1…</source>
        <translation>%1 불러오는 중…</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Could not open “%1”.</source>
        <translation>“%1”을(를) 열 수 없습니다.</translation>
    </message>
    <message numerus="yes">
        <location line="+26"/>
        <source>Loaded %1 in %2 ms: %n node(s).</source>
        <translation>
            <numerusform>%1을(를) %2ms 만에 불러왔습니다: 노드 %n개.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Loading cancelled.</source>
        <translation>불러오기를 취소했습니다.</translation>
    </message>
</context>
<context>
    <name>onnxscope::MetadataEditor</name>
    <message>
        <location filename="../views/metadata_editor.cpp" line="+65"/>
        <location line="+11"/>
        <source>Model</source>
        <translation>모델</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>Producer name:</source>
        <translation>생성 도구 이름:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Producer version:</source>
        <translation>생성 도구 버전:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Domain:</source>
        <translation>도메인:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Model version:</source>
        <translation>모델 버전:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Model doc string:</source>
        <translation>모델 설명 문자열:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Graph doc string:</source>
        <translation>그래프 설명 문자열:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Metadata properties</source>
        <translation>메타데이터 속성</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Main graph</source>
        <translation>메인 그래프</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Selected node</source>
        <translation>선택한 노드</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Selected value</source>
        <translation>선택한 값</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>On:</source>
        <translation>대상:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Key</source>
        <translation>키</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Value</source>
        <translation>값</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>key</source>
        <translation>키</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>value</source>
        <translation>값</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add</source>
        <translation>추가</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove</source>
        <translation>제거</translation>
    </message>
    <message>
        <location line="+96"/>
        <source>Needs IR version %1 or newer; this model is IR %2.</source>
        <translation>IR 버전 %1 이상이 필요합니다. 이 모델은 IR %2입니다.</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>Not changed: %1</source>
        <translation>변경되지 않았습니다: %1</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>select the entry to remove</source>
        <translation>제거할 항목을 선택하세요</translation>
    </message>
</context>
<context>
    <name>onnxscope::ModelDiffTree</name>
    <message>
        <location filename="../views/model_diff_tree.cpp" line="+36"/>
        <source>Difference</source>
        <translation>차이</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Nodes</source>
        <translation>노드</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>added</source>
        <translation>추가됨</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>removed</source>
        <translation>제거됨</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>changed</source>
        <translation>변경됨</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 %2 (%3)</source>
        <translation>%1 %2 (%3)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Initializers</source>
        <translation>초기화 텐서</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>max abs difference %1 in %2 elements</source>
        <translation>원소 %2개에서 최대 절대 차이 %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Properties</source>
        <translation>속성</translation>
    </message>
</context>
<context>
    <name>onnxscope::ModelDiffWindow</name>
    <message>
        <location filename="../views/compare/model_diff_window.cpp" line="+59"/>
        <source>Model Diff</source>
        <translation>모델 구조 비교</translation>
    </message>
    <message>
        <location line="+152"/>
        <source>Model A</source>
        <translation>모델 A</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Model B</source>
        <translation>모델 B</translation>
    </message>
    <message>
        <location line="-125"/>
        <source>Comparing %1 with %2…</source>
        <translation>%1과(와) %2를 비교하는 중…</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Cannot open %1: %2</source>
        <translation>%1을(를) 열 수 없습니다: %2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Cannot compare the models: %1</source>
        <translation>모델을 비교할 수 없습니다: %1</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Model Diff — %1 ↔ %2</source>
        <translation>모델 구조 비교 — %1 ↔ %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 and %2 have the same structure, weights and properties.</source>
        <translation>%1과(와) %2는 구조, 가중치, 속성이 같습니다.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A: %1 (%2 nodes), B: %3 (%4 nodes). Nodes: %5 changed, %6 removed, %7 added, %8 unchanged; %9 initializers and %10 properties differ.</source>
        <translation>A: %1 (노드 %2개), B: %3 (노드 %4개). 노드: 변경 %5개, 제거 %6개, 추가 %7개, 동일 %8개. 초기화 텐서 %9개와 속성 %10개가 다릅니다.</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>Removed in B</source>
        <translation>B에서 제거됨</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Added in B</source>
        <translation>B에서 추가됨</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Weight %1 differs (max abs %2)</source>
        <translation>가중치 %1이(가) 다릅니다 (최대 절대 오차 %2)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Weight %1 %2</source>
        <translation>가중치 %1: %2</translation>
    </message>
</context>
<context>
    <name>onnxscope::ModelEditor</name>
    <message>
        <location filename="../views/model_editor.cpp" line="+62"/>
        <source>Undo: %1</source>
        <translation>실행 취소: %1</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>node %1</source>
        <translation>노드 %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+25"/>
        <location line="+40"/>
        <location line="+43"/>
        <location line="+36"/>
        <location line="+44"/>
        <location line="+29"/>
        <source>No model is open.</source>
        <translation>열린 모델이 없습니다.</translation>
    </message>
    <message>
        <location line="-246"/>
        <source>The model is being saved; edit it again when the save has finished.</source>
        <translation>모델을 저장하는 중입니다. 저장이 끝난 뒤 다시 편집하세요.</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>“%1” could not be undone or redone: %2</source>
        <translation>“%1”을(를) 실행 취소하거나 다시 실행할 수 없습니다: %2</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Set producer name</source>
        <translation>생성 도구 이름 설정</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Set producer version</source>
        <translation>생성 도구 버전 설정</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Set model domain</source>
        <translation>모델 도메인 설정</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Edit model doc string</source>
        <translation>모델 설명 문자열 편집</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Edit graph doc string</source>
        <translation>그래프 설명 문자열 편집</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Set model version to %1</source>
        <translation>모델 버전을 %1(으)로 설정</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+14"/>
        <source>There is no node %1 in that graph.</source>
        <translation>그 그래프에는 노드 %1이(가) 없습니다.</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>Rename node “%1” to “%2”</source>
        <translation>노드 “%1”의 이름을 “%2”(으)로 변경</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Edit doc string of “%1”</source>
        <translation>“%1”의 설명 문자열 편집</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>%1 expects %2: %3</source>
        <translation>%1 속성에는 %2 값이 필요합니다: %3</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Set %1.%2 to %3</source>
        <translation>%1.%2을(를) %3(으)로 설정</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Rename “%1” to “%2”</source>
        <translation>“%1”의 이름을 “%2”(으)로 변경</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>“%1” has no dimension %2.</source>
        <translation>“%1”에는 차원 %2이(가) 없습니다.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Set dimension %1 of “%2” to %3</source>
        <translation>“%2”의 차원 %1을(를) %3(으)로 설정</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Add metadata “%1”</source>
        <translation>메타데이터 “%1” 추가</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Set metadata “%1”</source>
        <translation>메타데이터 “%1” 설정</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Rename metadata “%1” to “%2”</source>
        <translation>메타데이터 “%1”의 이름을 “%2”(으)로 변경</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Remove metadata “%1”</source>
        <translation>메타데이터 “%1” 제거</translation>
    </message>
</context>
<context>
    <name>onnxscope::ModelOverviewPanel</name>
    <message>
        <location filename="../views/model_overview_panel.cpp" line="+42"/>
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
        <location line="+3"/>
        <source>Domain</source>
        <translation>도메인</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>Count</source>
        <translation>개수</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+5"/>
        <source>Inputs</source>
        <translation>입력</translation>
    </message>
    <message>
        <location line="-5"/>
        <location line="+1"/>
        <location line="+4"/>
        <source>Name</source>
        <translation>이름</translation>
    </message>
    <message>
        <location line="-5"/>
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
        <location line="+4"/>
        <source>Outputs</source>
        <translation>출력</translation>
    </message>
    <message>
        <location line="-3"/>
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
        <location line="+1"/>
        <source>Nodes</source>
        <translation>노드</translation>
    </message>
    <message>
        <location line="+40"/>
        <location line="+12"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 (%2 with subgraphs and functions)</source>
        <translation>%1 (하위 그래프와 함수 포함 %2)</translation>
    </message>
    <message>
        <location line="+9"/>
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
    <name>onnxscope::NodePropertiesPanel</name>
    <message>
        <location filename="../views/node_properties_panel.cpp" line="+43"/>
        <source>Property</source>
        <translation>항목</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Value</source>
        <translation>값</translation>
    </message>
    <message>
        <location line="+231"/>
        <source>unknown type</source>
        <translation>알 수 없는 자료형</translation>
    </message>
    <message>
        <location line="+4"/>
        <source> (constant)</source>
        <translation> (상수)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Kind</source>
        <translation>종류</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Graph input</source>
        <translation>그래프 입력</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Graph output</source>
        <translation>그래프 출력</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+10"/>
        <location line="+2"/>
        <source>Name</source>
        <translation>이름</translation>
    </message>
    <message>
        <location line="-11"/>
        <location line="+60"/>
        <source>Type</source>
        <translation>자료형</translation>
    </message>
    <message>
        <location line="-54"/>
        <source>Op type</source>
        <translation>연산자 종류</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Domain</source>
        <translation>도메인</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>(unnamed)</source>
        <translation>(이름 없음)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Opset</source>
        <translation>연산자 집합 버전</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>not imported</source>
        <translation>가져오지 않음</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Category</source>
        <translation>분류</translation>
    </message>
    <message>
        <location line="-91"/>
        <source>Attributes</source>
        <translation>속성</translation>
    </message>
    <message>
        <location line="-64"/>
        <source>%1 — double-click or press F2 to edit</source>
        <translation>%1 — 더블클릭하거나 F2 키를 눌러 편집</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>Not changed: %1</source>
        <translation>변경되지 않았습니다: %1</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>graph — double-click to open</source>
        <translation>그래프 — 더블클릭하여 열기</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Dimensions</source>
        <translation>차원</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Metadata</source>
        <translation>메타데이터</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>(omitted)</source>
        <translation>(생략됨)</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+42"/>
        <source>Statistics</source>
        <translation>통계</translation>
    </message>
    <message>
        <location line="-38"/>
        <source>Inputs</source>
        <translation>입력</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Outputs</source>
        <translation>출력</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+2"/>
        <source>Doc string</source>
        <translation>설명 문자열</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No schema documentation for %1.</source>
        <translation>%1의 스키마 설명이 없습니다.</translation>
    </message>
    <message>
        <location line="+12"/>
        <location line="+2"/>
        <source>Tensor</source>
        <translation>텐서</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Producer</source>
        <translation>생성 노드</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>initializer</source>
        <translation>가중치</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>outer scope</source>
        <translation>바깥 범위</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Consumers</source>
        <translation>사용 노드</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Storage</source>
        <translation>저장 위치</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>external data</source>
        <translation>외부 데이터</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Block</source>
        <translation>블록</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nodes</source>
        <translation>노드</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Direct items</source>
        <translation>직속 항목</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Double-click the block or press Enter to expand or collapse it.</source>
        <translation>블록을 더블클릭하거나 Enter 키를 눌러 펼치거나 접으세요.</translation>
    </message>
</context>
<context>
    <name>onnxscope::ProfileNodeModel</name>
    <message>
        <location filename="../views/debugger/profile_models.cpp" line="+60"/>
        <source>Time of the run outside every node: binding inputs, freeing values, reading outputs, the profiler&apos;s own bookkeeping</source>
        <translation>어느 노드에도 속하지 않는 실행 시간: 입력 바인딩, 값 해제, 출력 읽기, 프로파일러 자체의 기록</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>(between nodes)</source>
        <translation>(노드 사이)</translation>
    </message>
    <message>
        <location line="+70"/>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Node</source>
        <translation>노드</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Op type</source>
        <translation>연산자 종류</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Backend</source>
        <translation>백엔드</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Median</source>
        <translation>중앙값</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>% of total</source>
        <translation>전체 대비 %</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Min</source>
        <translation>최소</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Max</source>
        <translation>최대</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Shapes</source>
        <translation>형태</translation>
    </message>
</context>
<context>
    <name>onnxscope::ProfileOpModel</name>
    <message>
        <location line="+74"/>
        <source>Op type</source>
        <translation>연산자 종류</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Executions</source>
        <translation>실행 횟수</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Total</source>
        <translation>합계</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>% of total</source>
        <translation>전체 대비 %</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Median</source>
        <translation>중앙값</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Min</source>
        <translation>최소</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Max</source>
        <translation>최대</translation>
    </message>
</context>
<context>
    <name>onnxscope::ProfilePanel</name>
    <message>
        <location filename="../views/debugger/profile_panel.cpp" line="+17"/>
        <source>Chrome Trace…</source>
        <translation>Chrome 트레이스…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CSV…</source>
        <translation>CSV…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Save the samples as Chrome trace JSON (chrome://tracing, Perfetto)</source>
        <translation>측정값을 Chrome 트레이스 JSON으로 저장합니다 (chrome://tracing, Perfetto)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save the per-node table as CSV</source>
        <translation>노드별 표를 CSV로 저장합니다</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nodes</source>
        <translation>노드</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Op types</source>
        <translation>연산자 종류</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export:</source>
        <translation>내보내기:</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Run the model (Debug ▸ Run) or profile it (Debug ▸ Profile) to see node times.</source>
        <translation>노드 시간을 보려면 모델을 실행(디버그 ▸ 실행)하거나 프로파일(디버그 ▸ 프로파일)하세요.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Host time around each node (device kernel times are in the trace)</source>
        <translation>각 노드 전후의 호스트 시간 (장치 커널 시간은 트레이스에 있음)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Host time around each node</source>
        <translation>각 노드 전후의 호스트 시간</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%1 on %2; median of %n run(s) after %3 warm-up.</source>
        <translation>
            <numerusform>%2에서 측정한 %1, 예열 %3회 후 %n회 실행의 중앙값.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cpu</source>
        <translation>cpu</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Node times add up to %1 of %2 measured for the whole run (%3%).</source>
        <translation>노드 시간의 합은 전체 실행에서 측정한 %2 중 %1입니다 (%3%).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The rest is spent between nodes (binding inputs, freeing values, stepping overhead).</source>
        <translation>나머지는 노드 사이에서 쓰입니다 (입력 연결, 값 해제, 단계 실행 오버헤드).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Node times exceed the run: the clock is coarser than the nodes.</source>
        <translation>노드 시간의 합이 실행 시간보다 깁니다. 시계의 정밀도가 노드 실행 시간보다 낮습니다.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Node times add up to %1.</source>
        <translation>노드 시간 합계: %1.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Profiler overhead about %1 per node (%2 per run).</source>
        <translation>프로파일러 오버헤드는 노드당 약 %1 (실행당 %2)입니다.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Export Chrome Trace</source>
        <translation>Chrome 트레이스 내보내기</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export CSV</source>
        <translation>CSV 내보내기</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Export failed</source>
        <translation>내보내기 실패</translation>
    </message>
</context>
<context>
    <name>onnxscope::SaveController</name>
    <message>
        <location filename="../views/save_controller.cpp" line="+51"/>
        <source>Save Failed</source>
        <translation>저장 실패</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Save Model As</source>
        <translation>다른 이름으로 모델 저장</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ONNX models (*.onnx);;All files (*)</source>
        <translation>ONNX 모델 (*.onnx);;모든 파일 (*)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Checking the model before saving…</source>
        <translation>저장하기 전에 모델을 검사하는 중…</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Saving %1…</source>
        <translation>%1 저장 중…</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>“%1” was not saved: %2
The file on disk has not been changed.</source>
        <translation>“%1”을(를) 저장하지 못했습니다: %2
디스크의 파일은 바뀌지 않았습니다.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Saved %1</source>
        <translation>%1을(를) 저장했습니다</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Not saved.</source>
        <translation>저장하지 않았습니다.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Save cancelled.</source>
        <translation>저장을 취소했습니다.</translation>
    </message>
</context>
<context>
    <name>onnxscope::SaveReviewDialog</name>
    <message>
        <location filename="../views/save_review_dialog.cpp" line="+20"/>
        <source>Save %1</source>
        <translation>%1 저장</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No edits since the model was opened or last saved.</source>
        <translation>모델을 열거나 마지막으로 저장한 뒤 편집한 내용이 없습니다.</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n change(s) since the last save:</source>
        <translation>
            <numerusform>마지막 저장 이후 변경 사항 %n개:</numerusform>
        </translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The written file will not differ from “%1” in nodes, weights or properties.</source>
        <translation>저장할 파일은 “%1”과(와) 노드, 가중치, 속성이 다르지 않습니다.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>What the written file will differ in from “%1”:</source>
        <translation>저장할 파일이 “%1”과(와) 다른 점:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Before</source>
        <translation>이전</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>After</source>
        <translation>이후</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Could not compare with “%1”: %2</source>
        <translation>“%1”과(와) 비교할 수 없습니다: %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The onnx checker and shape inference found no problems.</source>
        <translation>onnx 검사기와 형태 추론에서 문제를 찾지 못했습니다.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The checks found problems. Saving writes a model that other tools may refuse to load.</source>
        <translation>검사에서 문제가 발견되었습니다. 저장하면 다른 도구에서 불러오지 못할 수 있는 모델이 기록됩니다.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Notes from the checks:</source>
        <translation>검사 결과 참고 사항:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Severity</source>
        <translation>심각도</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Node</source>
        <translation>노드</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Problem</source>
        <translation>문제</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Error</source>
        <translation>오류</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Note</source>
        <translation>참고</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>(model)</source>
        <translation>(모델)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Save Anyway</source>
        <translation>그래도 저장</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Save</source>
        <translation>저장</translation>
    </message>
</context>
<context>
    <name>onnxscope::SettingsDialog</name>
    <message>
        <location filename="../app/settings_dialog.cpp" line="+19"/>
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
    <name>onnxscope::ShortcutsDialog</name>
    <message>
        <location filename="../views/shortcuts_dialog.cpp" line="+33"/>
        <source>Keyboard Shortcuts</source>
        <translation>단축키</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Action</source>
        <translation>동작</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Shortcut</source>
        <translation>단축키</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Graph canvas</source>
        <translation>그래프 캔버스</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Go to a producer / a consumer</source>
        <translation>생산 노드 / 소비 노드로 이동</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Up / Down</source>
        <translation>위 / 아래</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Other producers or consumers</source>
        <translation>다른 생산 노드나 소비 노드</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Left / Right</source>
        <translation>왼쪽 / 오른쪽</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Zoom in / out</source>
        <translation>확대 / 축소</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>+ / −, mouse wheel</source>
        <translation>+ / −, 마우스 휠</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open the selected block or subgraph</source>
        <translation>선택한 블록이나 하위 그래프 열기</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Enter</source>
        <translation>Enter</translation>
    </message>
</context>
<context>
    <name>onnxscope::TensorDiffView</name>
    <message>
        <location filename="../views/compare/tensor_diff_view.cpp" line="+41"/>
        <source>Model</source>
        <translation>모델</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Reference</source>
        <translation>기준</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Difference (model − reference)</source>
        <translation>차이 (모델 − 기준)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Distribution of the differences:</source>
        <translation>차이의 분포:</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Select a compared value to see both sides.</source>
        <translation>비교한 값을 선택하면 양쪽 값을 볼 수 있습니다.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 — model %2 %3, reference %4 %5</source>
        <translation>%1 — 모델 %2 %3, 기준 %4 %5</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>max abs %1, max rel %2, mean abs %3, cosine %4, %5 of %6 elements outside atol %7 + rtol %8 · |reference|</source>
        <translation>최대 절대 %1, 최대 상대 %2, 평균 절대 %3, 코사인 %4, 원소 %6개 중 %5개가 atol %7 + rtol %8 · |기준| 밖</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The two sides cannot be compared element by element.</source>
        <translation>양쪽을 원소별로 비교할 수 없습니다.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 NaN and %2 Inf appear only in the model&apos;s values.</source>
        <translation>모델 값에만 NaN %1개와 Inf %2개가 있습니다.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>shape differs</source>
        <translation>형태가 다름</translation>
    </message>
</context>
<context>
    <name>onnxscope::TensorImageView</name>
    <message>
        <location filename="../views/debugger/tensor_image_view.cpp" line="+133"/>
        <source>per channel</source>
        <translation>채널별</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Nothing to draw for this tensor or slice.</source>
        <translation>이 텐서나 단면에는 그릴 것이 없습니다.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No tensor.</source>
        <translation>텐서가 없습니다.</translation>
    </message>
</context>
<context>
    <name>onnxscope::TensorPreviewPanel</name>
    <message>
        <location filename="../views/debugger/tensor_preview_panel.cpp" line="+40"/>
        <source>Per-channel range</source>
        <translation>채널별 범위</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export…</source>
        <translation>내보내기…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>2-D slice</source>
        <translation>2차원 단면</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Channel grid (NCHW)</source>
        <translation>채널 격자 (NCHW)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save the tensor as .npy or .pb</source>
        <translation>텐서를 .npy 또는 .pb로 저장합니다</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Values</source>
        <translation>값</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Image</source>
        <translation>이미지</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>Select a node or an edge that has been computed.</source>
        <translation>계산된 노드나 연결을 선택하세요.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>&apos;%1&apos; is not available.</source>
        <translation>&apos;%1&apos;을(를) 볼 수 없습니다.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Statistics and slices are shown for tensors; this is %1.</source>
        <translation>통계와 단면은 텐서에만 표시됩니다. 이 값은 %1입니다.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Computing statistics…</source>
        <translation>통계를 계산하는 중…</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>min %1   max %2   mean %3   std %4
NaN %5   Inf %6   zeros %7% of %8</source>
        <translation>최소 %1   최대 %2   평균 %3   표준편차 %4
NaN %5   Inf %6   0인 원소 %7% (전체 %8개)</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>No value to export.</source>
        <translation>내보낼 값이 없습니다.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Export Tensor</source>
        <translation>텐서 내보내기</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>NumPy array (*.npy);;ONNX TensorProto (*.pb)</source>
        <translation>NumPy 배열 (*.npy);;ONNX TensorProto (*.pb)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Export failed</source>
        <translation>내보내기 실패</translation>
    </message>
</context>
<context>
    <name>onnxscope::TensorSlicePicker</name>
    <message>
        <location filename="../views/debugger/tensor_slice_picker.cpp" line="+38"/>
        <source>axis %1 (%2)</source>
        <translation>축 %1 (%2)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Rows:</source>
        <translation>행:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Columns:</source>
        <translation>열:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>axis %1 =</source>
        <translation>축 %1 =</translation>
    </message>
</context>
<context>
    <name>onnxscope::TranslationLoader</name>
    <message>
        <location filename="../app/translation_loader.cpp" line="+21"/>
        <source>System</source>
        <translation>시스템 설정</translation>
    </message>
</context>
<context>
    <name>onnxscope::ValueMappingDialog</name>
    <message>
        <location filename="../views/compare/value_mapping_dialog.cpp" line="+17"/>
        <source>Map values between the models</source>
        <translation>모델 간 값 대응 설정</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 values match by name. Pick the reference value for the others; values left unmapped are not compared.</source>
        <translation>값 %1개는 이름으로 대응됩니다. 나머지 값에는 대응할 기준 값을 고르세요. 대응시키지 않은 값은 비교하지 않습니다.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Filter by name</source>
        <translation>이름으로 필터링</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Model value</source>
        <translation>모델 값</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Reference value</source>
        <translation>기준 값</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>(not compared)</source>
        <translation>(비교 안 함)</translation>
    </message>
</context>
</TS>
