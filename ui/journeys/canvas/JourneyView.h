#pragma once

#include <QGraphicsView>

class QTimer;

namespace masir::ui {

class JourneyScene;

/// The canvas view: wheel zoom, zoom to fit or 100%, pan with the middle
/// button, rubber-band selection, Delete and arrow keys, and nodes dropped
/// from the palette.
class JourneyView final : public QGraphicsView
{
    Q_OBJECT

public:
    explicit JourneyView(JourneyScene *scene, QWidget *parent = nullptr);

    JourneyScene *journeyScene() const { return m_scene; }
    void zoomBy(qreal factor);
    void zoomToFit();
    void zoomTo100();
    qreal zoom() const { return transform().m11(); }

protected:
    void wheelEvent(QWheelEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dragMoveEvent(QDragMoveEvent *event) override;
    void dropEvent(QDropEvent *event) override;
    void scrollContentsBy(int dx, int dy) override;
    void changeEvent(QEvent *event) override; ///< a theme switched: the canvas too

private:
    /// Marks the start of a pan or zoom; the scene draws fast until it settles.
    void interacting();

    JourneyScene *m_scene;
    QTimer *m_settle = nullptr;
};

} // namespace masir::ui
