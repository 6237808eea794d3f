#pragma once

#include "render/ReportDocument.h"

#include <QWidget>

class QGridLayout;
class QLabel;
class QTableWidget;
class QVBoxLayout;

namespace masir::ui {

class ReportChart;

/// Any report document on screen: its figures as tiles, then each section's
/// heading, chart and the table of its numbers beside it.
class ReportView final : public QWidget
{
    Q_OBJECT

public:
    explicit ReportView(const QString &name, QWidget *parent = nullptr);

    void display(const ReportDocument &doc);
    /// The table of section \a index (nullptr before the first display).
    QTableWidget *table(int index) const;

private:
    struct Section
    {
        QLabel *heading = nullptr;
        ReportChart *chart = nullptr;
        QTableWidget *table = nullptr;
    };
    void build(const ReportDocument &doc);

    QString m_name;
    QGridLayout *m_tiles = nullptr;
    QVBoxLayout *m_sections = nullptr;
    QList<Section> m_views;
    QHash<QString, QLabel *> m_values;
};

} // namespace masir::ui
