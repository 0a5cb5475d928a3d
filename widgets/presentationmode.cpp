#include "presentationmode.h"

#include <QApplication>
#include <QEvent>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QWidget>

#include <qcustomplot.h>

namespace lmwb::widgets {

PresentationMode::PresentationMode(QWidget *root, QObject *parent) : QObject(parent), m_root(root)
{
    qApp->installEventFilter(this);
}

PresentationMode::~PresentationMode()
{
    if (qApp)
        qApp->removeEventFilter(this);
}

QVector<QWidget *> PresentationMode::allWidgets() const
{
    // The window and everything it opened (the wizard, dock windows, dialogs).
    QVector<QWidget *> out;
    for (QWidget *top : QApplication::topLevelWidgets()) {
        out << top;
        const auto children = top->findChildren<QWidget *>();
        for (QWidget *c : children)
            out << c;
    }
    return out;
}

void PresentationMode::scalePlots(double factor, bool restore)
{
    for (QWidget *w : allWidgets()) {
        auto *plot = qobject_cast<QCustomPlot *>(w);
        if (!plot)
            continue;
        QVector<QCPAxis *> axes;
        for (QCPAxisRect *r : plot->axisRects())
            axes += QVector<QCPAxis *>::fromList(r->axes());
        if (restore) {
            const auto saved = m_plotFonts.value(plot);
            int i = 0;
            for (QCPAxis *a : axes) {
                if (i + 1 >= saved.size())
                    break;
                a->setTickLabelFont(saved[i++]);
                a->setLabelFont(saved[i++]);
            }
            if (i < saved.size() && plot->legend)
                plot->legend->setFont(saved[i]);
        } else {
            QVector<QFont> saved;
            for (QCPAxis *a : axes) {
                saved << a->tickLabelFont() << a->labelFont();
                QFont t = a->tickLabelFont(), l = a->labelFont();
                t.setPointSizeF(t.pointSizeF() * factor);
                l.setPointSizeF(l.pointSizeF() * factor);
                a->setTickLabelFont(t);
                a->setLabelFont(l);
            }
            if (plot->legend) {
                saved << plot->legend->font();
                QFont f = plot->legend->font();
                f.setPointSizeF(f.pointSizeF() * factor);
                plot->legend->setFont(f);
            }
            m_plotFonts.insert(plot, saved);
        }
        plot->replot(QCustomPlot::rpQueuedReplot);
    }
    if (restore)
        m_plotFonts.clear();
}

void PresentationMode::setActive(bool on)
{
    if (on == m_active)
        return;
    m_active = on;
    if (on) {
        m_appFont = QApplication::font();
        m_appPalette = QApplication::palette();
        const double before = m_appFont.pointSizeF() > 0 ? m_appFont.pointSizeF() : 10.0;
        const double after = qMax(m_pointSize, before * 1.5);
        const double factor = after / before;
        // Widgets with a font of their own (headers, monospaced views) grow by the same factor.
        m_explicitFonts.clear();
        for (QWidget *w : allWidgets()) {
            if (w->testAttribute(Qt::WA_SetFont))
                m_explicitFonts.append({QPointer<QWidget>(w), w->font()});
        }
        QFont big = m_appFont;
        big.setPointSizeF(after);
        QApplication::setFont(big);
        for (const auto &[w, font] : m_explicitFonts) {
            QFont f = font;
            f.setPointSizeF((f.pointSizeF() > 0 ? f.pointSizeF() : before) * factor);
            w->setFont(f);
        }
        scalePlots(factor, false);

        QPalette p;
        const QColor black(0, 0, 0), white(255, 255, 255), yellow(255, 221, 0);
        p.setColor(QPalette::Window, black);
        p.setColor(QPalette::WindowText, white);
        p.setColor(QPalette::Base, QColor(10, 10, 10));
        p.setColor(QPalette::AlternateBase, QColor(40, 40, 40));
        p.setColor(QPalette::Text, white);
        p.setColor(QPalette::Button, QColor(30, 30, 30));
        p.setColor(QPalette::ButtonText, white);
        p.setColor(QPalette::BrightText, yellow);
        p.setColor(QPalette::Highlight, yellow);
        p.setColor(QPalette::HighlightedText, black);
        p.setColor(QPalette::ToolTipBase, black);
        p.setColor(QPalette::ToolTipText, white);
        p.setColor(QPalette::PlaceholderText, QColor(190, 190, 190));
        p.setColor(QPalette::Link, QColor(0, 230, 255));
        p.setColor(QPalette::Disabled, QPalette::Text, QColor(150, 150, 150));
        p.setColor(QPalette::Disabled, QPalette::ButtonText, QColor(150, 150, 150));
        p.setColor(QPalette::Disabled, QPalette::WindowText, QColor(150, 150, 150));
        QApplication::setPalette(p);

        m_hidden.clear();
        for (QWidget *w : allWidgets()) {
            if (w->property(kAdvancedProperty).toBool() && !w->isHidden()) {
                w->hide();
                m_hidden << w;
            }
        }
    } else {
        QApplication::setFont(m_appFont);
        for (const auto &[w, font] : m_explicitFonts)
            if (w)
                w->setFont(font);
        m_explicitFonts.clear();
        scalePlots(1.0, true);
        QApplication::setPalette(m_appPalette);
        for (const auto &w : m_hidden)
            if (w)
                w->show();
        m_hidden.clear();
    }
    emit activeChanged(on);
}

void PresentationMode::lock(QWidget *w)
{
    w->setEnabled(false);
    w->setProperty(kLockedProperty, true);
    w->setToolTip(tr("Locked by the classroom profile."));
}

void PresentationMode::clearLocks()
{
    for (QWidget *w : allWidgets()) {
        if (w->property(kLockedProperty).toBool()) {
            w->setEnabled(true);
            w->setProperty(kLockedProperty, QVariant());
        }
    }
    m_locked.clear();
    m_profileHidden.clear();
}

QString PresentationMode::applyProfile(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return tr("Cannot read the classroom profile %1: %2").arg(path, f.errorString());
    return applyProfileJson(f.readAll(), path);
}

QString PresentationMode::applyProfileJson(const QByteArray &json, const QString &source)
{
    QJsonParseError err;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &err);
    if (err.error != QJsonParseError::NoError)
        return tr("%1: not valid JSON at offset %2 (%3)").arg(source).arg(err.offset).arg(err.errorString());
    if (!doc.isObject())
        return tr("%1: a classroom profile is a JSON object").arg(source);
    const QJsonObject o = doc.object();
    static const QStringList known = {QStringLiteral("presentation"), QStringLiteral("font_size"),
                                      QStringLiteral("lock"), QStringLiteral("hide"), QStringLiteral("lesson")};
    for (auto it = o.begin(); it != o.end(); ++it)
        if (!known.contains(it.key()))
            return tr("%1: unknown key \"%2\" (known: %3)").arg(source, it.key(), known.join(QStringLiteral(", ")));
    auto names = [&](const char *key, QSet<QString> *out) -> QString {
        const QJsonValue v = o.value(QLatin1String(key));
        if (v.isUndefined())
            return {};
        if (!v.isArray())
            return tr("%1: \"%2\" must be a list of objectNames").arg(source, QLatin1String(key));
        for (const auto &e : v.toArray()) {
            if (!e.isString() || e.toString().isEmpty())
                return tr("%1: \"%2\" must be a list of objectNames").arg(source, QLatin1String(key));
            out->insert(e.toString());
        }
        return {};
    };
    QSet<QString> locked, hidden;
    if (QString e = names("lock", &locked); !e.isEmpty())
        return e;
    if (QString e = names("hide", &hidden); !e.isEmpty())
        return e;
    double size = m_pointSize;
    if (o.contains(QStringLiteral("font_size"))) {
        size = o.value(QStringLiteral("font_size")).toDouble(-1);
        if (size < 6 || size > 72)
            return tr("%1: \"font_size\" must be a number from 6 to 72").arg(source);
    }
    const QJsonValue pres = o.value(QStringLiteral("presentation"));
    if (!pres.isUndefined() && !pres.isBool())
        return tr("%1: \"presentation\" must be true or false").arg(source);

    clearLocks();
    m_locked = locked;
    m_profileHidden = hidden;
    for (QWidget *w : allWidgets()) {
        if (m_locked.contains(w->objectName()))
            lock(w);
        if (m_profileHidden.contains(w->objectName()))
            w->hide();
    }
    if (size != m_pointSize && m_active) {
        setActive(false);
        m_pointSize = size;
        setActive(true);
    }
    m_pointSize = size;
    if (pres.isBool())
        setActive(pres.toBool());
    return {};
}

bool PresentationMode::eventFilter(QObject *watched, QEvent *event)
{
    // Controls created later (the wizard's pages) are locked when they first show.
    if (event->type() == QEvent::Show && !m_locked.isEmpty() && watched->isWidgetType()) {
        auto *w = static_cast<QWidget *>(watched);
        if (m_locked.contains(w->objectName()) && w->isEnabled())
            lock(w);
    }
    return QObject::eventFilter(watched, event);
}

} // namespace lmwb::widgets
