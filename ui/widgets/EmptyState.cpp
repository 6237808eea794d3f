#include "widgets/EmptyState.h"

#include <QAbstractItemView>
#include <QAction>
#include <QEvent>
#include <QLabel>
#include <QToolButton>
#include <QVBoxLayout>

namespace masir::ui {

EmptyState *EmptyState::attach(QAbstractItemView *view, std::function<QString()> text,
                               QAction *next)
{
    return new EmptyState(view, std::move(text), next);
}

EmptyState::EmptyState(QAbstractItemView *view, std::function<QString()> text, QAction *next)
    : QWidget(view->viewport())
    , m_view(view)
    , m_text(std::move(text))
{
    setObjectName(QStringLiteral("emptyState"));
    m_label = new QLabel;
    m_label->setWordWrap(true);
    m_label->setAlignment(Qt::AlignCenter);
    m_label->setForegroundRole(QPalette::PlaceholderText);
    QFont larger = m_label->font();
    larger.setPointSizeF(larger.pointSizeF() * 1.1);
    m_label->setFont(larger);
    auto *layout = new QVBoxLayout(this);
    layout->addStretch();
    layout->addWidget(m_label);
    if (next) {
        m_next = new QToolButton;
        m_next->setDefaultAction(next);
        m_next->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
        layout->addWidget(m_next, 0, Qt::AlignHCenter);
    }
    layout->addStretch();
    view->viewport()->installEventFilter(this);
    if (QAbstractItemModel *model = view->model()) {
        for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
            connect(model, signal, this, &EmptyState::refresh);
        connect(model, &QAbstractItemModel::modelReset, this, &EmptyState::refresh);
        connect(model, &QAbstractItemModel::layoutChanged, this, &EmptyState::refresh);
        // a table filled anew (its header set again) may say something else
        connect(model, &QAbstractItemModel::headerDataChanged, this, &EmptyState::refresh);
    }
    place();
    refresh();
}

QString EmptyState::text() const
{
    return m_label->text();
}

void EmptyState::refresh()
{
    const QAbstractItemModel *model = m_view->model();
    const bool empty = !model || model->rowCount(m_view->rootIndex()) == 0;
    if (empty)
        m_label->setText(m_text());
    setVisible(empty);
}

void EmptyState::place()
{
    // a margin from the edges, the words no wider than a comfortable line
    const QRect area = m_view->viewport()->rect().adjusted(24, 24, -24, -24);
    const int width = std::min(area.width(), 520);
    setGeometry(area.center().x() - width / 2, area.top(), width, area.height());
}

bool EmptyState::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_view->viewport() && event->type() == QEvent::Resize)
        place();
    return QWidget::eventFilter(watched, event);
}

} // namespace masir::ui
