#include "themed_icons.h"

#include <QFile>
#include <QPainter>
#include <QPixmap>
#include <QSvgRenderer>

namespace onnxscope {

namespace {

QPixmap render(const QByteArray& svg, int size) {
    QSvgRenderer renderer(svg);
    QPixmap pixmap(size, size);
    pixmap.fill(Qt::transparent);
    if (!renderer.isValid())
        return pixmap;
    QPainter painter(&pixmap);
    renderer.render(&painter);
    return pixmap;
}

QByteArray tinted(const QByteArray& svg, const QColor& color) {
    QByteArray out = svg;
    return out.replace("currentColor", color.name(QColor::HexRgb).toLatin1());
}

} // namespace

QIcon ThemedIcons::icon(const QString& name, const QPalette& palette) {
    QFile file(QStringLiteral(":/icons/%1.svg").arg(name));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QByteArray svg = file.readAll();
    const QByteArray normal = tinted(svg, palette.color(QPalette::Active, QPalette::WindowText));
    const QByteArray disabled = tinted(svg, palette.color(QPalette::Disabled, QPalette::WindowText));
    QIcon icon;
    for (int size : {16, 22, 24, 32, 48, 64}) {
        icon.addPixmap(render(normal, size), QIcon::Normal);
        icon.addPixmap(render(disabled, size), QIcon::Disabled);
    }
    return icon;
}

QIcon ThemedIcons::applicationIcon() {
    // QIcon renders the SVG at any requested size through the svg icon engine.
    return QIcon(QStringLiteral(":/onnxscope.svg"));
}

} // namespace onnxscope
