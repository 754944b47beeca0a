<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR" sourcelanguage="en">
<context>
    <name>BlockGraphItem</name>
    <message>
        <location filename="../views/graph_items.cpp" line="+98"/>
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
        <location filename="../views/graph_items.cpp" line="+87"/>
        <source>%n connection(s)</source>
        <translation>
            <numerusform>연결 %n개</numerusform>
        </translation>
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
        <location filename="../app/cli_compare.cpp" line="+88"/>
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
        <location line="+7"/>
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
        <location filename="../app/cli_profile.cpp" line="+47"/>
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
        <location line="+2"/>
        <source>Print the report as JSON.</source>
        <translation>보고서를 JSON으로 출력합니다.</translation>
    </message>
    <message>
        <location line="+8"/>
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
        <location line="+37"/>
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
        <location filename="../app/cli_main.cpp" line="+22"/>
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
        <location line="+42"/>
        <source>unknown command &apos;%1&apos;</source>
        <translation>알 수 없는 명령 &apos;%1&apos;</translation>
    </message>
    <message>
        <location filename="../app/cli_util.cpp" line="+27"/>
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
        <location filename="../app/cli_compare.cpp" line="-131"/>
        <location filename="../app/cli_conformance.cpp" line="+1"/>
        <location filename="../app/cli_engine_options.cpp" line="+108"/>
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
        <location line="+8"/>
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
        <location line="+28"/>
        <source>%1 passed, %2 failed</source>
        <translation>%1개 통과, %2개 실패</translation>
    </message>
    <message>
        <location line="+14"/>
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
        <location line="+24"/>
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
        <location line="+17"/>
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
        <location filename="../app/cli_profile.cpp" line="-24"/>
        <location filename="../app/cli_run.cpp" line="+49"/>
        <source>cannot write %1: %2</source>
        <translation>%1에 쓸 수 없습니다: %2</translation>
    </message>
    <message>
        <location line="+17"/>
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
        <location line="+9"/>
        <source>profile needs one MODEL</source>
        <translation>profile에는 MODEL 하나가 필요합니다</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>--warmup needs N &gt;= 0 and --runs N &gt;= 1</source>
        <translation>--warmup에는 N &gt;= 0, --runs에는 N &gt;= 1이 필요합니다</translation>
    </message>
    <message>
        <location filename="../app/cli_compare.cpp" line="+81"/>
        <location filename="../app/cli_profile.cpp" line="+14"/>
        <location filename="../app/cli_run.cpp" line="-26"/>
        <source>cannot plan the model: %1</source>
        <translation>모델 실행 계획을 세울 수 없습니다: %1</translation>
    </message>
    <message>
        <location filename="../app/cli_profile.cpp" line="+13"/>
        <location filename="../app/cli_run.cpp" line="+9"/>
        <source>run failed: %1</source>
        <translation>실행 실패: %1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 runs after %2 warm-up; median total %3 ms</source>
        <translation>예열 %2회 후 %1회 실행, 전체 중앙값 %3ms</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Per node (ms):</source>
        <translation>노드별 (ms):</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>node</source>
        <translation>노드</translation>
    </message>
    <message>
        <location line="+1"/>
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
        <location line="+16"/>
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
        <location filename="../app/cli_run.cpp" line="-38"/>
        <source>Run a model once.</source>
        <translation>모델을 한 번 실행합니다.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Write the outputs as output_K.pb here.</source>
        <translation>출력을 이 폴더에 output_K.pb로 저장합니다.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>run needs one MODEL</source>
        <translation>run에는 MODEL 하나가 필요합니다</translation>
    </message>
    <message>
        <location line="+31"/>
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
        <location line="+9"/>
        <source>diff needs two models, A and B</source>
        <translation>diff에는 모델 두 개(A와 B)가 필요합니다</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../app/main.cpp" line="+26"/>
        <source>Browse, run and profile ONNX models.</source>
        <translation>ONNX 모델을 탐색하고 실행하고 프로파일합니다.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Interface language (en, ko); overrides Settings.</source>
        <translation>인터페이스 언어(en, ko). 설정보다 우선합니다.</translation>
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
    <name>onnxscope::GraphMinimap</name>
    <message>
        <location filename="../views/graph_view.cpp" line="+28"/>
        <source>Overview: click to move the view</source>
        <translation>개요: 클릭하면 보기를 옮깁니다</translation>
    </message>
</context>
<context>
    <name>onnxscope::GraphPage</name>
    <message>
        <location filename="../views/graph_page.cpp" line="+47"/>
        <source>Fit to View</source>
        <translation>화면에 맞추기</translation>
    </message>
    <message>
        <location line="+1"/>
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
        <location line="+5"/>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop the running layout</source>
        <translation>진행 중인 배치 중지</translation>
    </message>
    <message>
        <location line="+32"/>
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
        <location line="+76"/>
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
        <location line="+72"/>
        <source>Open %1</source>
        <translation>%1 열기</translation>
    </message>
    <message>
        <location line="+79"/>
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
        <location filename="../views/graph_view.cpp" line="+330"/>
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
        <location filename="../app/main_window.cpp" line="+70"/>
        <location line="+341"/>
        <source>ONNX Scope</source>
        <translation>ONNX Scope</translation>
    </message>
    <message>
        <location line="-340"/>
        <source>Ready</source>
        <translation>준비됨</translation>
    </message>
    <message>
        <location line="+10"/>
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
        <location line="+6"/>
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
        <location line="+68"/>
        <source>Open Model</source>
        <translation>모델 열기</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>ONNX models (*.onnx);;All files (*)</source>
        <translation>ONNX 모델 (*.onnx);;모든 파일 (*)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Loading %1 (%2)…</source>
        <translation>%1 (%2) 불러오는 중…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Loading %1…</source>
        <translation>%1 불러오는 중…</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Could not open “%1”.</source>
        <translation>“%1”을(를) 열 수 없습니다.</translation>
    </message>
    <message>
        <location line="+19"/>
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
        <location line="+13"/>
        <source>Loading cancelled.</source>
        <translation>불러오기를 취소했습니다.</translation>
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
        <location filename="../views/node_properties_panel.cpp" line="+26"/>
        <source>Property</source>
        <translation>항목</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Value</source>
        <translation>값</translation>
    </message>
    <message>
        <location line="+44"/>
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
        <location line="+2"/>
        <location line="+8"/>
        <source>Name</source>
        <translation>이름</translation>
    </message>
    <message>
        <location line="-7"/>
        <location line="+57"/>
        <source>Type</source>
        <translation>자료형</translation>
    </message>
    <message>
        <location line="-52"/>
        <source>Op type</source>
        <translation>연산자 종류</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Domain</source>
        <translation>도메인</translation>
    </message>
    <message>
        <location line="+1"/>
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
        <location line="+2"/>
        <source>Attributes</source>
        <translation>속성</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>graph — double-click to open</source>
        <translation>그래프 — 더블클릭하여 열기</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>(omitted)</source>
        <translation>(생략됨)</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+34"/>
        <source>Statistics</source>
        <translation>통계</translation>
    </message>
    <message>
        <location line="-30"/>
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
        <source>Doc string</source>
        <translation>설명 문자열</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No schema documentation for %1.</source>
        <translation>%1의 스키마 설명이 없습니다.</translation>
    </message>
    <message>
        <location line="+10"/>
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
        <location line="+9"/>
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
    <name>onnxscope::TranslationLoader</name>
    <message>
        <location filename="../app/translation_loader.cpp" line="+21"/>
        <source>System</source>
        <translation>시스템 설정</translation>
    </message>
</context>
</TS>
