// Every main page and the main dialogs, offscreen, in English and Persian, at
// 1280×800 and 1920×1080, on the demo workspace: each screen is kept as a PNG
// (build/.../screens/, copied to docs/screenshots/ by
// scripts/refresh_screenshots.sh), and the test fails when a text does not fit
// its widget (by the widget's font metrics), when a Persian text has a
// shortcut underline inside a word, or when an English string of the
// interface shows untranslated in the Persian one.

#include "campaigns/Campaign.h"
#include "campaigns/CampaignEditorDialog.h"
#include "common/Clock.h"
#include "contacts/ContactEditorDialog.h"
#include "contacts/ContactListModel.h"
#include "contacts/ContactRepository.h"
#include "contacts/ContactsPage.h"
#include "contacts/CustomFields.h"
#include "contacts/TagsDialog.h"
#include "crm/CrmDialogs.h"
#include "crm/Deals.h"
#include "crm/PipelineDialog.h"
#include "crm/Pipelines.h"
#include "crm/Tasks.h"
#include "demo/DemoWorkspace.h"
#include "i18n/Translations.h"
#include "importwizard/ImportWizard.h"
#include "journeys/JourneyRepository.h"
#include "journeys/canvas/JourneyEditor.h"
#include "journeys/canvas/JourneyScene.h"
#include "mainwindow/MainWindow.h"
#include "mainwindow/OpenServerDialog.h"
#include "reports/AcquisitionCostsDialog.h"
#include "scoring/ScoringDialog.h"
#include "settings/ChannelsDialog.h"
#include "settings/CrmDialog.h"
#include "settings/TrackingDialog.h"
#include "widgets/EmptyState.h"
#include "widgets/HeaderFit.h"
#include "widgets/Icons.h"
#include "widgets/Theme.h"
#include "widgets/WheelGuard.h"

#include "TestWorkspace.h"

#include <QAbstractButton>
#include <QAbstractScrollArea>
#include <QAbstractSpinBox>
#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTabBar>
#include <QTest>
#include <QToolButton>
#include <QXmlStreamReader>

#include <functional>
#include <memory>

using namespace masir;

namespace {

/// What the user reads, without a shortcut's ampersand.
QString shown(QString text)
{
    text.replace(QStringLiteral("&&"), QStringLiteral("\x01"));
    text.remove(QLatin1Char('&'));
    text.replace(QLatin1Char('\x01'), QLatin1Char('&'));
    return text;
}

/// The interface's English strings that have a Persian translation, as shown
/// (no ampersand, no colon or ellipsis at the end), from masir_fa.ts.
QSet<QString> englishStrings()
{
    QSet<QString> strings;
    QFile f(QStringLiteral(MASIR_SOURCE_DIR "/translations/masir_fa.ts"));
    if (!f.open(QIODevice::ReadOnly))
        return strings;
    QXmlStreamReader xml(&f);
    QString source;
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement)
            continue;
        if (xml.name() == QLatin1String("source")) {
            source = xml.readElementText();
        } else if (xml.name() == QLatin1String("translation")) {
            const QString translation = xml.readElementText(QXmlStreamReader::IncludeChildElements);
            static const QRegularExpression trailing(QStringLiteral("[:…]+$"));
            QString s = shown(source).trimmed().remove(trailing);
            // a word or two that Persian keeps too (SMS, CSV, HubSpot) is no sign
            if (!translation.isEmpty() && translation != source && s.size() >= 4 &&
                s.contains(QLatin1Char(' ')) && !s.contains(QLatin1Char('%')))
                strings.insert(s);
        }
    }
    return strings;
}

struct Checker
{
    bool persian = false;
    QSet<QString> english;
    QStringList problems;

    void text(const QString &where, const QString &raw)
    {
        if (!persian || raw.isEmpty())
            return;
        static const QRegularExpression insideWord(
            QStringLiteral("[\\x{0600}-\\x{06FF}]&[\\x{0600}-\\x{06FF}]"));
        if (insideWord.match(raw).hasMatch())
            problems << QStringLiteral("%1: a shortcut underline inside a Persian word: %2")
                            .arg(where, raw);
        static const QRegularExpression trailing(QStringLiteral("[:…]+$"));
        const QString s = shown(raw).trimmed().remove(trailing);
        if (english.contains(s))
            problems << QStringLiteral("%1: English in the Persian interface: %2").arg(where, s);
    }

    void fits(const QString &where, const QString &what, int need, int has)
    {
        if (need > has + 1)
            problems << QStringLiteral("%1: \"%2\" needs %3 px, has %4")
                            .arg(where, what)
                            .arg(need)
                            .arg(has);
    }

    void check(const QString &where, QWidget *root)
    {
        text(where, root->windowTitle());
        QList<QWidget *> widgets = root->findChildren<QWidget *>();
        widgets.prepend(root);
        for (QWidget *w : std::as_const(widgets)) {
            if (!w->isVisibleTo(root) || w->width() <= 0 || w->window() != root->window())
                continue;
            clipped(where, w);
            if ((qobject_cast<QAbstractButton *>(w) || qobject_cast<QLineEdit *>(w) ||
                 qobject_cast<QComboBox *>(w)) &&
                !qobject_cast<QAbstractSpinBox *>(w->parentWidget()) && // its own editor
                w->height() < w->minimumSizeHint().height() - 1)
                problems << QStringLiteral("%1: %2 \"%3\" is squashed to %4 px high")
                                .arg(where, QLatin1String(w->metaObject()->className()),
                                     w->property("text").toString())
                                .arg(w->height());
            if (auto *label = qobject_cast<QLabel *>(w)) {
                const QString t = label->text();
                if (t.isEmpty() || label->textFormat() == Qt::RichText || Qt::mightBeRichText(t))
                    continue;
                text(where, t);
                if (!label->wordWrap())
                    fits(where, t, label->fontMetrics().horizontalAdvance(shown(t)),
                         label->contentsRect().width());
            } else if (auto *button = qobject_cast<QAbstractButton *>(w)) {
                text(where, button->text());
                auto *tool = qobject_cast<QToolButton *>(w);
                if (button->text().isEmpty() ||
                    (tool && tool->toolButtonStyle() == Qt::ToolButtonIconOnly))
                    continue;
                fits(where, shown(button->text()), button->sizeHint().width(), button->width());
            } else if (auto *tabs = qobject_cast<QTabBar *>(w)) {
                for (int i = 0; i < tabs->count(); ++i) {
                    text(where, tabs->tabText(i));
                    const int icon = tabs->tabIcon(i).isNull() ? 0 : tabs->iconSize().width() + 4;
                    fits(where, shown(tabs->tabText(i)),
                         tabs->fontMetrics().horizontalAdvance(shown(tabs->tabText(i))) + icon + 8,
                         tabs->tabRect(i).width());
                }
            } else if (auto *group = qobject_cast<QGroupBox *>(w)) {
                text(where, group->title());
                fits(where, group->title(),
                     group->fontMetrics().horizontalAdvance(shown(group->title())) + 16,
                     group->width());
            } else if (auto *header = qobject_cast<QHeaderView *>(w)) {
                checkHeader(where, header);
            }
        }
    }

    /// A control that sticks out of its parent is cut off where it does
    /// (under the sidebar, past a window's edge); scrolled content may.
    void clipped(const QString &where, QWidget *w)
    {
        QWidget *parent = w->parentWidget();
        if (!parent || w->isWindow() ||
            !(qobject_cast<QAbstractButton *>(w) || qobject_cast<QLabel *>(w) ||
              qobject_cast<QAbstractScrollArea *>(w)))
            return;
        for (QWidget *p = parent; p && !p->isWindow(); p = p->parentWidget())
            if (qobject_cast<QAbstractScrollArea *>(p->parentWidget()))
                return; // inside a scroll area's viewport
        const QRect inside = parent->rect().adjusted(-1, -1, 1, 1);
        if (!inside.contains(w->geometry()))
            problems << QStringLiteral("%1: %2 \"%3\" is cut off by its parent %4")
                            .arg(where, QLatin1String(w->metaObject()->className()),
                                 w->property("text").toString(),
                                 QLatin1String(parent->metaObject()->className()));
    }

    void checkHeader(const QString &where, QHeaderView *header)
    {
        if (header->orientation() != Qt::Horizontal || !header->model())
            return;
        for (int i = 0; i < header->count(); ++i) {
            if (header->isSectionHidden(i))
                continue;
            const QString t =
                header->model()->headerData(i, Qt::Horizontal, Qt::DisplayRole).toString();
            text(where, t);
            if (t.isEmpty())
                continue;
            // the title's room as the style draws it (margins, sort arrow)
            fits(where, QStringLiteral("column ") + t, header->sectionSizeHint(i),
                 header->sectionSize(i));
        }
    }

    void checkMenus(const QString &where, QMenuBar *bar)
    {
        for (QAction *menu : bar->actions()) {
            text(where, menu->text());
            if (menu->menu())
                for (QAction *a : menu->menu()->actions())
                    text(where, a->text());
        }
    }
};

} // namespace

class tst_Screens : public QObject
{
    Q_OBJECT

    QDir m_out;

    void save(QWidget *w, const QString &name)
    {
        QTest::qWait(60);
        QVERIFY(w->grab().save(m_out.filePath(name + QStringLiteral(".png"))));
    }

    void walk(const QString &language)
    {
        const bool persian = language == QLatin1String("fa");
        test::TestWorkspace ws;
        QVERIFY(ws.opened());
        QVERIFY(!Translations::install(language).isEmpty() || !persian);
        QApplication::setLayoutDirection(persian ? Qt::RightToLeft : Qt::LeftToRight);
        DemoWorkspace demo(ws.db());
        DemoWorkspace::Options options;
        options.contacts = 300;
        options.language = language;
        QVERIFY2(demo.populate(options), qPrintable(demo.errorString()));
        QVERIFY2(demo.addSamples(language), qPrintable(demo.errorString()));

        Checker checker;
        checker.persian = persian;
        checker.english = englishStrings();
        QVERIFY(checker.english.size() > 500);

        static const char *pages[] = {"contacts",  "tasks",     "deals",  "segments", "journeys",
                                      "campaigns", "templates", "outbox", "reports",  "settings"};
        {
            ui::MainWindow window(ws.db());
            checker.checkMenus(QStringLiteral("menus"), window.menuBar());
            for (const QSize size : {QSize(1280, 800), QSize(1920, 1080)}) {
                window.resize(size);
                window.show();
                QVERIFY(QTest::qWaitForWindowExposed(&window));
                QVERIFY2(window.minimumSizeHint().width() <= size.width(),
                         qPrintable(QString::number(window.minimumSizeHint().width())));
                for (int p = 0; p < ui::MainWindow::PageCount; ++p) {
                    window.showPage(ui::MainWindow::Page(p));
                    QTest::qWait(80);
                    const QString name = QStringLiteral("%1-%2-%3")
                                             .arg(language, QLatin1String(pages[p]))
                                             .arg(size.width());
                    checker.check(name, &window);
                    save(&window, name);
                }
            }
        }

        // the dialogs, at their own size and wider
        const Database &db = ws.db();
        ManualClock clock(QDateTime::currentDateTimeUtc());
        Contact someone;
        someone.firstName = persian ? QString::fromUtf8("نگار") : QStringLiteral("Grace");
        someone.email = QStringLiteral("grace@example.com");
        someone.phone = QStringLiteral("+989121234567");
        someone.country = QStringLiteral("IR");
        someone.timezone = QStringLiteral("Asia/Tehran");
        const auto pipeline = Pipelines(db.connection()).findByName(QString());
        QVERIFY(pipeline);
        Deal deal;
        deal.pipelineId = pipeline->id;
        deal.stageId = pipeline->stages.first().id;
        const auto welcome = JourneyRepository(db).list().first();
        const QList<std::pair<QString, std::function<QWidget *()>>> dialogs = {
            {QStringLiteral("contact-editor"),
             [&] {
                 return new ui::ContactEditorDialog(someone, CustomFieldRepository(db).fields(),
                                                    [](Contact &) { return QList<FieldError>(); });
             }},
            {QStringLiteral("task"), [&] { return new ui::TaskDialog(Task(), someone.firstName); }},
            {QStringLiteral("deal"), [&] { return new ui::DealDialog(db, deal); }},
            {QStringLiteral("purchase"),
             [&] { return new ui::PurchaseDialog(QStringLiteral("USD"), someone.firstName); }},
            {QStringLiteral("pipeline"), [&] { return new ui::PipelineDialog(db, *pipeline); }},
            {QStringLiteral("campaign"),
             [&] { return new ui::CampaignEditorDialog(db, clock, Campaign()); }},
            {QStringLiteral("channels"), [&] { return new ui::ChannelsDialog(db); }},
            {QStringLiteral("channel-account"),
             [&] { return new ui::ChannelAccountDialog(db, ChannelAccount()); }},
            {QStringLiteral("tracking"), [&] { return new ui::TrackingDialog(db); }},
            {QStringLiteral("crm"), [&] { return new ui::CrmDialog(db); }},
            {QStringLiteral("scoring"), [&] { return new ui::ScoringDialog(db); }},
            {QStringLiteral("costs"), [&] { return new ui::AcquisitionCostsDialog(db); }},
            {QStringLiteral("tags"), [&] { return new ui::TagsDialog(db); }},
            {QStringLiteral("import"),
             [&] {
                 return new ui::ImportWizard(
                     db, QStringLiteral(MASIR_SOURCE_DIR "/tests/data/import/fa_cp1256_excel.csv"));
             }},
            {QStringLiteral("journey-editor"),
             [&] { return new ui::JourneyEditor(db, welcome.id); }},
            {QStringLiteral("open-server"),
             [&] {
                 // with the message a server that cannot be reached gives
                 Database away(QStringLiteral("postgresql://staff@/shop?host=/nonexistent"));
                 return new ui::OpenServerDialog(
                     QStringLiteral("postgresql://staff@db.example.com/shop?sslmode=verify-full"),
                     away.open() ? QString() : away.errorString());
             }},
        };
        for (const auto &[name, make] : dialogs) {
            std::unique_ptr<QWidget> dialog(make());
            dialog->setAttribute(Qt::WA_DeleteOnClose, false);
            dialog->adjustSize();
            const QSize natural = dialog->size();
            for (const auto &[suffix, size] :
                 {std::pair{QStringLiteral("small"), natural},
                  std::pair{QStringLiteral("large"),
                            QSize(natural.width() * 3 / 2, natural.height() * 5 / 4)}}) {
                if (name == QLatin1String("journey-editor"))
                    dialog->resize(suffix == QLatin1String("small") ? QSize(1280, 800)
                                                                    : QSize(1920, 1080));
                else
                    dialog->resize(size);
                dialog->show();
                QVERIFY(QTest::qWaitForWindowExposed(dialog.get()));
                const QString shot = QStringLiteral("%1-%2-%3").arg(language, name, suffix);
                checker.check(shot, dialog.get());
                save(dialog.get(), shot);
            }
            dialog->hide();
        }
        Translations::install(QStringLiteral("en"));
        QApplication::setLayoutDirection(Qt::LeftToRight);
        if (!checker.problems.isEmpty()) {
            qWarning().noquote() << checker.problems.join(QLatin1Char('\n'));
            QFAIL(qPrintable(QStringLiteral("%1 problems, the first: %2")
                                 .arg(checker.problems.size())
                                 .arg(checker.problems.first())));
        }
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        m_out = QDir(QStringLiteral(MASIR_BINARY_DIR));
        QVERIFY(m_out.mkpath(QStringLiteral("screens")));
        QVERIFY(m_out.cd(QStringLiteral("screens")));
        // as the application does (app/gui/main.cpp)
        ui::WheelGuard::install(QCoreApplication::instance());
        ui::HeaderFit::install(QCoreApplication::instance());
    }

    void english() { walk(QStringLiteral("en")); }

    // A new workspace: every list says why it is empty and what to do next,
    // in both languages; a contact added hides the contacts' empty state.
    void freshWorkspace()
    {
        for (const QString &language : {QStringLiteral("en"), QStringLiteral("fa")}) {
            const bool persian = language == QLatin1String("fa");
            Translations::install(language);
            QApplication::setLayoutDirection(persian ? Qt::RightToLeft : Qt::LeftToRight);
            test::TestWorkspace ws;
            QVERIFY(ws.opened());
            Checker checker;
            checker.persian = persian;
            checker.english = englishStrings();
            {
                ui::MainWindow window(ws.db());
                window.resize(1280, 800);
                window.show();
                QVERIFY(QTest::qWaitForWindowExposed(&window));
                for (const auto page :
                     {ui::MainWindow::ContactsPageIndex, ui::MainWindow::SegmentsPageIndex,
                      ui::MainWindow::JourneysPageIndex, ui::MainWindow::TemplatesPageIndex,
                      ui::MainWindow::OutboxPageIndex, ui::MainWindow::ReportsPageIndex}) {
                    window.showPage(page);
                    QTest::qWait(50);
                    const QString name = QStringLiteral("%1-empty-%2").arg(language).arg(int(page));
                    int shown = 0;
                    for (ui::EmptyState *e : window.findChildren<ui::EmptyState *>())
                        if (e->isVisibleTo(&window)) {
                            QVERIFY(!e->text().isEmpty());
                            ++shown;
                        }
                    QVERIFY2(shown > 0, qPrintable(name + QStringLiteral(": no empty state")));
                    checker.check(name, &window);
                    save(&window, name);
                }
                Contact c;
                c.email = QStringLiteral("first@example.com");
                QVERIFY(ContactRepository(ws.db()).create(c));
                window.contactsPage()->model()->refresh();
                window.showPage(ui::MainWindow::ContactsPageIndex);
                QTRY_VERIFY(!window.contactsPage()->findChild<ui::EmptyState *>()->isVisible());
            }
            if (!checker.problems.isEmpty())
                QFAIL(qPrintable(checker.problems.first()));
        }
        Translations::install(QStringLiteral("en"));
        QApplication::setLayoutDirection(Qt::LeftToRight);
    }

    // The dark theme: the palette, the icons drawn in its text colour, and the
    // canvas's cards dark too.
    void dark()
    {
        test::TestWorkspace ws;
        QVERIFY(ws.opened());
        DemoWorkspace demo(ws.db());
        DemoWorkspace::Options options;
        options.contacts = 100;
        QVERIFY(demo.populate(options) && demo.addSamples(QStringLiteral("en")));
        ui::Theme::apply(true);
        QVERIFY(ui::Theme::isDark());
        const QColor text = QApplication::palette().color(QPalette::WindowText);
        const QImage icon = ui::Icons::pixmap(QStringLiteral("contacts"), text, 48).toImage();
        int lit = 0;
        for (int y = 0; y < icon.height(); ++y)
            for (int x = 0; x < icon.width(); ++x)
                lit += qAlpha(icon.pixel(x, y)) > 128 && QColor(icon.pixel(x, y)).lightness() > 160;
        QVERIFY2(lit > 20, qPrintable(QString::number(lit))); // light strokes on dark
        {
            ui::MainWindow window(ws.db());
            window.resize(1280, 800);
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            save(&window, QStringLiteral("dark-contacts"));
            window.showPage(ui::MainWindow::ReportsPageIndex);
            save(&window, QStringLiteral("dark-reports"));
            ui::JourneyEditor editor(ws.db(), JourneyRepository(ws.db()).list().last().id);
            editor.resize(1280, 800);
            editor.show();
            QVERIFY(QTest::qWaitForWindowExposed(&editor));
            save(&editor, QStringLiteral("dark-journey-editor"));
        }
        ui::Theme::apply(false);
        QVERIFY(!ui::Theme::isDark());
    }
    void persian() { walk(QStringLiteral("fa")); }
};

QTEST_MAIN(tst_Screens)
#include "tst_Screens.moc"
