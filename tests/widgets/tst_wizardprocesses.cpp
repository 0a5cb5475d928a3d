// ctest-labels: gui
// The wizard's Training page, offscreen: "processes on this machine" is typed like any
// field, and the read-only torchrun line for a cluster follows it with torchrun 1.13's
// underscore flags and --redirects 1 --tee 1 (DESIGN §6).

#include "wizardtrainingpage.h"

#include <QLineEdit>
#include <QSpinBox>
#include <QtTest>

using lmwb::widgets::WizardTrainingPage;

class TestWizardProcesses : public QObject {
    Q_OBJECT

private slots:
    void torchrunLineFollowsTheProcesses()
    {
        WizardTrainingPage page;
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        auto *spin = page.findChild<QSpinBox *>(QStringLiteral("processesSpin"));
        auto *line = page.findChild<QLineEdit *>(QStringLiteral("torchrunEdit"));
        QVERIFY(spin && line);
        QCOMPARE(page.processes(), 1);
        QVERIFY(line->isReadOnly());
        QVERIFY(line->text().contains(QStringLiteral("--nproc_per_node 1 ")));

        spin->setFocus();
        QTest::keyClick(spin, Qt::Key_A, Qt::ControlModifier);
        QTest::keyClick(spin, Qt::Key_Delete);
        QTest::keyClicks(spin, QStringLiteral("4"));
        QCOMPARE(page.processes(), 4);
        const QString cmd = line->text();
        QVERIFY2(cmd.startsWith(QStringLiteral("torchrun --no_python ")), qPrintable(cmd));
        QVERIFY2(cmd.contains(QStringLiteral("--nproc_per_node 4 ")), qPrintable(cmd));
        QVERIFY2(cmd.contains(QStringLiteral("--master_addr MASTER_HOST --master_port 29500")), qPrintable(cmd));
        QVERIFY2(cmd.contains(QStringLiteral("--redirects 1 --tee 1 lmwb train run.json")), qPrintable(cmd));
        QCOMPARE(cmd, page.torchrunCommand());
        // Typing into the read-only line changes nothing.
        line->setFocus();
        QTest::keyClicks(line, QStringLiteral("x"));
        QCOMPARE(line->text(), cmd);
        QVERIFY(page.isComplete());
    }
};

QTEST_MAIN(TestWizardProcesses)
#include "tst_wizardprocesses.moc"
