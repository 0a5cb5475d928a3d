#pragma once
// Presentation mode for a class: large fonts in every view (charts included), a
// high-contrast palette, and the advanced controls hidden — every widget that carries the
// property lmwbAdvanced = true. A classroom profile (JSON) can lock chosen controls by
// objectName, hide others, and switch presentation mode on:
//
//   {"presentation": true, "font_size": 22, "lock": ["archCombo", "nEmbdSpin"], "hide": ["runsDock"]}
//
//   auto *p = new PresentationMode(window);
//   p->setActive(true);                      // F11 in the window
//   QString err = p->applyProfile(path);     // empty on success

#include <QFont>
#include <QHash>
#include <QObject>
#include <QPalette>
#include <QPointer>
#include <QSet>
#include <QStringList>
#include <QVector>

class QWidget;

namespace lmwb::widgets {

class PresentationMode : public QObject {
    Q_OBJECT
public:
    static constexpr const char *kAdvancedProperty = "lmwbAdvanced";
    static constexpr const char *kLockedProperty = "lmwbLocked";

    explicit PresentationMode(QWidget *root, QObject *parent = nullptr);
    ~PresentationMode() override;

    bool isActive() const { return m_active; }
    void setActive(bool on);
    void toggle() { setActive(!m_active); }
    double pointSize() const { return m_pointSize; }
    void setPointSize(double pt) { m_pointSize = pt; }

    // Reads and applies a classroom profile; returns the problem (naming the file and key), or empty.
    QString applyProfile(const QString &path);
    QString applyProfileJson(const QByteArray &json, const QString &source);
    QStringList lockedNames() const { return QStringList(m_locked.begin(), m_locked.end()); }
    void clearLocks();

signals:
    void activeChanged(bool on);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QVector<QWidget *> allWidgets() const;
    void lock(QWidget *w);
    void scalePlots(double factor, bool restore);

    QPointer<QWidget> m_root;
    bool m_active = false;
    double m_pointSize = 20.0;
    QFont m_appFont;
    QPalette m_appPalette;
    QVector<QPair<QPointer<QWidget>, QFont>> m_explicitFonts; // widgets with their own font, before
    QVector<QPointer<QWidget>> m_hidden;      // advanced widgets this mode hid
    QHash<QObject *, QVector<QFont>> m_plotFonts;
    QSet<QString> m_locked;
    QSet<QString> m_profileHidden;
};

} // namespace lmwb::widgets
