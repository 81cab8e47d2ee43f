// SPDX-License-Identifier: PostgreSQL
// The German translation stays complete: lupdate runs over the current
// sources into a copy of translations/mimeo-studio_de.ts, and every
// message there must have a finished, non-empty translation. A new tr()
// string without German fails this test.
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

class TestStudioTranslations : public QObject {
    Q_OBJECT
private slots:
    void germanIsComplete()
    {
        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        const QString ts = tmp.filePath(QStringLiteral("mimeo-studio_de.ts"));
        QVERIFY(QFile::copy(QStringLiteral(MIMEO_SOURCE_DIR "/translations/mimeo-studio_de.ts"), ts));
        QFile::setPermissions(ts, QFile::ReadOwner | QFile::WriteOwner);
        QProcess lupdate;
        lupdate.start(QStringLiteral(LUPDATE_PATH),
                      {QStringLiteral("-silent"), QStringLiteral("-no-obsolete"),
                       QStringLiteral(MIMEO_SOURCE_DIR "/src/studio"), QStringLiteral(MIMEO_SOURCE_DIR "/ui"),
                       QStringLiteral("-ts"), ts});
        QVERIFY(lupdate.waitForFinished(120000));
        QVERIFY2(lupdate.exitCode() == 0, lupdate.readAllStandardError().constData());

        QFile f(ts);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QXmlStreamReader xml(&f);
        int messages = 0;
        QString source;
        QStringList untranslated;
        while (!xml.atEnd()) {
            if (xml.readNext() != QXmlStreamReader::StartElement)
                continue;
            if (xml.name() == QLatin1String("message")) {
                ++messages;
            } else if (xml.name() == QLatin1String("source")) {
                source = xml.readElementText();
            } else if (xml.name() == QLatin1String("translation")) {
                const bool unfinished = xml.attributes().value(QLatin1String("type")) == QLatin1String("unfinished");
                const QString text = xml.readElementText(QXmlStreamReader::IncludeChildElements);
                if (unfinished || text.trimmed().isEmpty())
                    untranslated << source;
            }
        }
        QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
        QVERIFY(messages > 100);
        QVERIFY2(untranslated.isEmpty(),
                 qPrintable(QStringLiteral("%1 string(s) without German translation (run the mimeo-studio_lupdate "
                                           "target and translate them):\n%2")
                                .arg(untranslated.size())
                                .arg(untranslated.join(QLatin1Char('\n')))));
    }
};

QTEST_GUILESS_MAIN(TestStudioTranslations)
#include "tst_studio_translations.moc"
