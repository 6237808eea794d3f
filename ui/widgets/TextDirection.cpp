#include "widgets/TextDirection.h"

#include "messaging/MessageRenderer.h"

#include <QDateTimeEdit>
#include <QPlainTextEdit>
#include <QTextDocument>
#include <QTextOption>

namespace masir::ui {

void alignToTextDirection(QPlainTextEdit *edit)
{
    auto apply = [edit] {
        const QString text = edit->toPlainText();
        const bool rtl = text.trimmed().isEmpty() ? edit->layoutDirection() == Qt::RightToLeft
                                                  : MessageRenderer::isRightToLeft(text);
        QTextOption option = edit->document()->defaultTextOption();
        const Qt::Alignment wanted = Qt::AlignAbsolute | (rtl ? Qt::AlignRight : Qt::AlignLeft);
        if (option.alignment() == wanted)
            return;
        option.setAlignment(wanted);
        edit->document()->setDefaultTextOption(option);
    };
    QObject::connect(edit, &QPlainTextEdit::textChanged, edit, apply);
    apply();
}

void setDateTimeFormat(QDateTimeEdit *edit, const QString &format)
{
    edit->setLayoutDirection(Qt::LeftToRight);
    edit->setDisplayFormat(format);
}

} // namespace masir::ui
