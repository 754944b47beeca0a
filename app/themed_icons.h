// Toolbar and menu icons that follow the system palette (light or dark).
//
// The SVGs in resources/icons draw with "currentColor"; QtSvg does not resolve that keyword,
// so the text is rewritten with the palette's window-text colour before rendering. Callers
// rebuild their icons when the palette changes (QEvent::PaletteChange).
#pragma once

#include <QIcon>
#include <QPalette>
#include <QString>

namespace onnxscope {

class ThemedIcons {
public:
    // name: a file in :/icons without ".svg", e.g. "document-open". A missing icon is null.
    static QIcon icon(const QString& name, const QPalette& palette);
    // The application icon (full colour, not themed).
    static QIcon applicationIcon();
};

} // namespace onnxscope
