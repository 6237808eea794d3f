#pragma once

// What a PDF holds, read with poppler's tools as a person's viewer would:
// its pages drawn to PNG (pdftoppm), its text (pdftotext, normalised so that
// Arabic presentation forms read as letters) and whether every font is
// embedded (pdffonts).

#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QString>
#include <QStringList>

#include <optional>

namespace masir::test {

struct PdfFacts
{
    int pages = 0;           ///< PNG pages drawn
    QString text;            ///< NFKC
    QStringList notEmbedded; ///< fonts used but not in the file
};

inline std::optional<PdfFacts> inspectPdf(const QString &pdf, const QString &pngPrefix,
                                          QString *error)
{
    const auto tool = [error](const QString &program, const QStringList &args,
                              QByteArray *out) -> bool {
        QProcess p;
        p.start(program, args);
        if (!p.waitForFinished(60000) || p.exitStatus() != QProcess::NormalExit ||
            p.exitCode() != 0) {
            *error = program + QStringLiteral(" failed (is poppler-utils installed?): ") +
                     QString::fromUtf8(p.readAllStandardError()) + p.errorString();
            return false;
        }
        if (out)
            *out = p.readAllStandardOutput();
        return true;
    };
    PdfFacts facts;
    if (!tool(QStringLiteral("pdftoppm"),
              {QStringLiteral("-png"), QStringLiteral("-r"), QStringLiteral("60"), pdf, pngPrefix},
              nullptr))
        return std::nullopt;
    const QFileInfo prefix(pngPrefix);
    facts.pages = int(QDir(prefix.absolutePath())
                          .entryList({prefix.fileName() + QStringLiteral("-*.png")})
                          .size());
    QByteArray text;
    if (!tool(QStringLiteral("pdftotext"), {pdf, QStringLiteral("-")}, &text))
        return std::nullopt;
    facts.text = QString::fromUtf8(text).normalized(QString::NormalizationForm_KC);
    QByteArray fonts;
    if (!tool(QStringLiteral("pdffonts"), {pdf}, &fonts))
        return std::nullopt;
    // name type encoding emb sub uni object ID: after the two header lines
    const QList<QByteArray> lines = fonts.split('\n');
    for (qsizetype i = 2; i < lines.size(); ++i) {
        const QList<QByteArray> cells = lines.at(i).simplified().split(' ');
        if (cells.size() >= 5 && cells.at(cells.size() - 5) != "yes")
            facts.notEmbedded << QString::fromUtf8(cells.first());
    }
    return facts;
}

} // namespace masir::test
