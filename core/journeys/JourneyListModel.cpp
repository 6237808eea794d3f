#include "journeys/JourneyListModel.h"

#include "common/BackgroundTasks.h"
#include "i18n/Formatter.h"

#include <QLocale>

namespace masir {

namespace {

/// "12%" of the contacts who entered reached a goal; "–" for a journey without one.
QString conversionText(double percent)
{
    return percent < 0
               ? QStringLiteral("–")
               : JourneyListModel::tr("%1%").arg(Formatter::locale().toString(percent, 'f', 1));
}

} // namespace

JourneyListModel::JourneyListModel(const Database &db, QObject *parent)
    : QAbstractTableModel(parent)
    , m_db(db)
    , m_tasks(new BackgroundTasks(this))
{
    reload();
}

JourneyListModel::~JourneyListModel() = default;

QString JourneyListModel::statusLabel(const QString &status)
{
    if (status == QLatin1String("active"))
        return tr("Running");
    if (status == QLatin1String("paused"))
        return tr("Paused");
    if (status == QLatin1String("archived"))
        return tr("Archived");
    return tr("Draft");
}

int JourneyListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_journeys.size());
}

int JourneyListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant JourneyListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case NameColumn:
        return tr("Journey");
    case StatusColumn:
        return tr("Status");
    case VersionColumn:
        return tr("Version");
    case InJourneyColumn:
        return tr("In the journey");
    case StepsColumn:
        return tr("Steps run");
    case ConvertedColumn:
        return tr("Reached a goal");
    default:
        return {};
    }
}

QVariant JourneyListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Journey &j = m_journeys.at(index.row());
    switch (role) {
    case IdRole:
        return j.id;
    case StatusRole:
        return j.status;
    case Qt::TextAlignmentRole:
        return index.column() == NameColumn ? QVariant()
                                            : QVariant(Qt::AlignVCenter | Qt::AlignTrailing);
    case Qt::DisplayRole:
        break;
    default:
        return {};
    }
    const Totals totals = m_totals.value(j.id);
    switch (index.column()) {
    case NameColumn:
        return j.name;
    case StatusColumn:
        return statusLabel(j.status);
    case VersionColumn:
        return j.version ? Formatter::number(j.version) : QStringLiteral("–");
    case InJourneyColumn:
        return Formatter::number(totals.waiting);
    case StepsColumn:
        return Formatter::number(totals.steps);
    case ConvertedColumn:
        return conversionText(totals.conversion);
    default:
        return {};
    }
}

void JourneyListModel::reload()
{
    beginResetModel();
    m_journeys = JourneyRepository(m_db).list();
    endResetModel();
    // Counting every step of a large journey takes a while: in the background,
    // and only the newest request's answer is shown.
    QList<qint64> ids;
    for (const Journey &j : std::as_const(m_journeys))
        ids << j.id;
    const Database *db = &m_db;
    m_tasks->run(
        [db, ids] {
            JourneyRepository repo(*db);
            Counts counts;
            for (const qint64 id : ids)
                counts.insert(id, repo.counts(id));
            return counts;
        },
        [this](const Counts &counts) { countsArrived(counts); }, QStringLiteral("counts"));
}

void JourneyListModel::countsArrived(const Counts &counts)
{
    for (auto it = counts.cbegin(); it != counts.cend(); ++it) {
        Totals totals;
        qint64 entered = 0; // the busiest node is where contacts enter
        for (const JourneyNodeCount &c : it.value()) {
            totals.waiting += c.waiting;
            totals.steps += c.passed;
            if (c.passed > entered) {
                entered = c.passed;
                totals.conversion = c.conversionPercent();
            }
        }
        m_totals.insert(it.key(), totals);
        if (const int row = rowOf(it.key()); row >= 0)
            Q_EMIT dataChanged(index(row, InJourneyColumn), index(row, ConvertedColumn),
                               {Qt::DisplayRole});
    }
    Q_EMIT countsLoaded(counts);
}

int JourneyListModel::rowOf(qint64 id) const
{
    for (int r = 0; r < m_journeys.size(); ++r)
        if (m_journeys.at(r).id == id)
            return r;
    return -1;
}

} // namespace masir
