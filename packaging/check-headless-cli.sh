#!/bin/sh
# Builds the onnxscope-cli package alone from a build folder and checks that installing it pulls
# in no display stack: neither its Depends line nor the packaged executable's ldd names an X11,
# xcb, Wayland, OpenGL/EGL or Qt Gui/Widgets/Svg/OpenGL library. ctest runs it as
# packaging_cli_headless; usage: check-headless-cli.sh BUILD_DIR
set -eu
build=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
if ! cpack --config "$build/CPackConfig.cmake" -G DEB -B "$work" -D CPACK_COMPONENTS_ALL=cli >"$work/cpack.log" 2>&1; then
    cat "$work/cpack.log"
    exit 1
fi
deb=$(ls "$work"/onnxscope-cli_*.deb)
echo "package: $(basename "$deb")"
dpkg-deb -c "$deb" | awk '{print $NF}'
depends=$(dpkg-deb -f "$deb" Depends)
echo "Depends: $depends"
dpkg-deb -x "$deb" "$work/root"
libraries=$(ldd "$work/root/usr/bin/onnxscope-cli")
echo "ldd: $(printf '%s\n' "$libraries" | wc -l) libraries"

gui='libx11|libxcb|libxkb|libxext|libxrender|libwayland|libgl1|libgl\.so|libglx|libegl|libopengl|libqt6gui|libqt6widgets|libqt6svg|libqt6opengl|libqt6xcb'
status=0
if printf '%s\n' "$depends" | tr ',' '\n' | grep -Ei "$gui"; then
    echo "FAIL: the Depends line above names a GUI library" >&2
    status=1
fi
if printf '%s\n' "$libraries" | grep -Ei "$gui"; then
    echo "FAIL: onnxscope-cli links the GUI libraries above" >&2
    status=1
fi
if dpkg-deb -c "$deb" | grep -E 'onnxscope-cli-layout|/applications/'; then
    echo "FAIL: desktop files in the CLI package" >&2
    status=1
fi
exit $status
