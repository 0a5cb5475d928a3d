// ctest-labels: unit
// DESIGN §1: widgets/, app/ and core's public headers include no torch header; only
// core's .cpp files and its private *_p.h headers do, and no one outside core includes
// a private header.

#include <QDirIterator>
#include <QRegularExpression>
#include <QtTest>

// Plain literals: moc does not parse raw strings that contain quotes.
static QString torchIncludePattern() { return QStringLiteral("#\\s*include\\s*[<\"](torch|ATen|c10|caffe2)/"); }
static QString privateIncludePattern() { return QStringLiteral("#\\s*include\\s*[<\"][^>\"]*_p\\.h[>\"]"); }

class TestHeaders : public QObject {
    Q_OBJECT

    QString root() const { return qEnvironmentVariable("LMWB_SOURCE_DIR", QStringLiteral(LMWB_SOURCE_DIR_FALLBACK)); }

    QStringList offenders(const QString &dir, const QStringList &filters, const QRegularExpression &re,
                          bool skipPrivate) const
    {
        QStringList bad;
        QDirIterator it(root() + "/" + dir, filters, QDir::Files, QDirIterator::Subdirectories);
        int scanned = 0;
        while (it.hasNext()) {
            const QString path = it.next();
            if (skipPrivate && path.endsWith(QLatin1String("_p.h")))
                continue;
            QFile f(path);
            if (!f.open(QIODevice::ReadOnly))
                continue;
            ++scanned;
            const QString text = QString::fromUtf8(f.readAll());
            if (re.match(text).hasMatch())
                bad << path;
        }
        if (scanned == 0)
            bad << QStringLiteral("(no files scanned under %1)").arg(dir);
        return bad;
    }

private slots:
    void noTorchOutsideCoreSources()
    {
        const QRegularExpression torch(torchIncludePattern());
        QStringList bad = offenders("core", {"*.h", "*.hpp"}, torch, true);
        bad += offenders("widgets", {"*.h", "*.cpp"}, torch, false);
        bad += offenders("app", {"*.h", "*.cpp"}, torch, false);
        QVERIFY2(bad.isEmpty(), qPrintable(bad.join('\n')));
    }

    void privateHeadersStayInCore()
    {
        const QRegularExpression priv(privateIncludePattern());
        QStringList bad = offenders("widgets", {"*.h", "*.cpp"}, priv, false);
        bad += offenders("app", {"*.h", "*.cpp"}, priv, false);
        QVERIFY2(bad.isEmpty(), qPrintable(bad.join('\n')));
    }

    void theCheckCanFail()
    {
        // The same pattern must catch a torch include written in any of the usual ways.
        const QRegularExpression torch(torchIncludePattern());
        QVERIFY(torch.match("#include <torch/torch.h>").hasMatch());
        QVERIFY(torch.match("#  include \"ATen/ATen.h\"").hasMatch());
        QVERIFY(!torch.match("#include <QtCore>").hasMatch());
    }
};

QTEST_GUILESS_MAIN(TestHeaders)
#include "tst_headers.moc"
