#!/usr/bin/python3
"""Open every layer of a Platssamverkan server in QGIS (PyQGIS 3.22), signed in the way
QGIS users are told to: an authentication configuration of method "Basic" with the
account's e-mail as user name and a personal API token as password.

    QT_QPA_PLATFORM=offscreen /usr/bin/python3 qgis_open_layers.py BASE_URL EMAIL TOKEN \
        [--collections units,actors,...] [--bbox minLon,minLat,maxLon,maxLat]

Without --collections the collections are those GET /ogc/collections lists (read by QGIS
with the same configuration); without --bbox each tile layer is drawn over the extent of
the collection of the same name. Prints one JSON report on stdout:

    {"qgis": "3.22.16-...", "collections": {...}, "tiles": {...}, "http": [...], "log": [...]}

Each OGC API collection (OAPIF provider) has `valid`, `feature_count` (what the provider
reports), `features_read` (features fetched by iterating the layer) and `error`. Each
vector tile layer (vectortile provider, xyz) has `valid`, `tiles_with_data`, `features`
(decoded from the tiles QGIS fetched to draw the box, buffers included), `points` (points
counted once, in the tile that holds them) and `error`. `http` is the status of every
request QGIS made and `log` QGIS's messages, so a refused token shows as 401s rather than
as an empty layer. Exits 0 whenever a report was written; the caller judges it.
"""
import argparse
import json
import os
import shutil
import tempfile

from qgis.core import (
    Qgis,
    QgsApplication,
    QgsAuthMethodConfig,
    QgsBlockingNetworkRequest,
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsErrorMessage,
    QgsMapRendererCustomPainterJob,
    QgsMapSettings,
    QgsNetworkAccessManager,
    QgsProject,
    QgsRectangle,
    QgsTileMatrix,
    QgsVectorLayer,
    QgsVectorTileLayer,
    QgsVectorTileRenderer,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QSize, QUrl
from qgis.PyQt.QtGui import QColor, QImage, QPainter
from qgis.PyQt.QtNetwork import QNetworkRequest

TILE_LAYERS = ["units", "actors", "child-places", "areas"]
"""The product's tile layers (api/services/tiles.ts), each over the collection of the same id."""

TILE_MAX_ZOOM = 16
"""The max zoom docs/API.md tells QGIS users to set (deeper zooms add no detail)."""


class CountingRenderer(QgsVectorTileRenderer):
    """A renderer that draws nothing and counts what QGIS decoded from each tile it fetched,
    so the report says what the tile source answered. QGIS numbers features per tile, and a
    tile repeats its neighbours' features in its buffer, so a point is counted only in the
    tile whose bounds hold it. The map renderer works on a clone, which shares `seen`."""

    def __init__(self, seen):
        super().__init__()
        self.seen = seen

    def type(self):
        return "counting"

    def clone(self):
        return CountingRenderer(self.seen)

    def startRender(self, context, tileZoom, tileRange):
        pass

    def stopRender(self, context):
        pass

    def requiredLayers(self, context, tileZoom):
        # The empty name stands for every layer of the tile (QgsVectorTileRenderer's default).
        return {""}

    def renderTile(self, tile, context):
        self.seen["tiles"] += 1
        bounds = QgsTileMatrix.fromWebMercator(tile.id().zoomLevel()).tileExtent(tile.id())
        for name in tile.layers():
            for feature in tile.layerFeatures(name):
                self.seen["features"] += 1
                geometry = feature.geometry()
                if geometry.type() == QgsWkbTypes.PointGeometry:
                    p = geometry.asPoint()
                    if bounds.xMinimum() <= p.x() < bounds.xMaximum() and bounds.yMinimum() < p.y() <= bounds.yMaximum():
                        self.seen["points"] += 1

    def writeXml(self, elem, context):
        pass

    def readXml(self, elem, context):
        pass


def main(args):
    base = args.base.rstrip("/")
    profile = tempfile.mkdtemp(prefix="qgis-profile-")
    # The auth database and the HTTP disk cache live in the throwaway profile, never in the
    # user's own: Qt's cache (~/.cache by default) would otherwise answer the tiles of an
    # earlier run without asking the server, whatever the credentials.
    os.environ["QGIS_AUTH_DB_DIR_PATH"] = profile
    os.environ["XDG_CACHE_HOME"] = os.path.join(profile, "cache")
    app = QgsApplication([], False, profile)
    app.initQgis()

    http = []

    def on_finished(reply):
        status = reply.attribute(QNetworkRequest.HttpStatusCodeAttribute)
        http.append({"url": reply.request().url().toString(), "status": status, "error": reply.errorString() if reply.error() else None})

    QgsNetworkAccessManager.instance().finished.connect(on_finished)
    messages = []
    QgsApplication.messageLog().messageReceived.connect(lambda text, tag, level: messages.append(f"{tag}: {text}"))

    authcfg = basic_auth_config(args.email, args.token)
    report = {"qgis": Qgis.QGIS_VERSION, "collections": {}, "tiles": {}, "http": http, "log": messages}

    extents = {}
    for cid in args.collections.split(",") if args.collections else collection_ids(base, authcfg):
        logged = len(messages)
        layer = QgsVectorLayer(f"url='{base}/ogc' typename='{cid}' authcfg='{authcfg}'", cid, "OAPIF")
        QgsApplication.processEvents()  # the message log is delivered through the event loop
        entry = {"valid": layer.isValid(), "feature_count": None, "features_read": None, "error": error_of(layer, messages[logged:])}
        if layer.isValid():
            entry["feature_count"] = layer.featureCount()
            entry["features_read"] = sum(1 for _ in layer.getFeatures())
            extents[cid] = (layer.crs(), layer.extent())
        report["collections"][cid] = entry

    # An xyz tile layer is valid as soon as its URL parses (QGIS 3.22 asks the server
    # nothing then), so each is drawn to make QGIS fetch tiles with the configuration.
    box = (QgsCoordinateReferenceSystem("EPSG:4326"), QgsRectangle(*map(float, args.bbox.split(",")))) if args.bbox else None
    to_mercator = lambda crs, extent: QgsCoordinateTransform(crs, QgsCoordinateReferenceSystem("EPSG:3857"), QgsProject.instance()).transformBoundingBox(extent)
    for name in TILE_LAYERS:
        url = f"{base}/api/tiles/{name}/{{z}}/{{x}}/{{y}}.mvt"
        layer = QgsVectorTileLayer(f"type=xyz&url={url}&zmin=0&zmax={TILE_MAX_ZOOM}&authcfg={authcfg}", name)
        seen = {"tiles": 0, "features": 0, "points": 0}
        layer.setRenderer(CountingRenderer(seen))
        entry = {"valid": layer.isValid(), "tiles_with_data": 0, "features": 0, "points": 0, "error": error_of(layer, [])}
        crs, extent = box or extents.get(name, (None, None))
        if layer.isValid() and (extent is None or extent.isEmpty()):
            entry["error"] = f"nothing to draw: the collection {name} did not open or is empty, and no --bbox was given"
        elif layer.isValid():
            before = len(http)
            draw(layer, to_mercator(crs, extent))
            QgsApplication.processEvents()
            entry.update(tiles_with_data=seen["tiles"], features=seen["features"], points=seen["points"])
            failed = [r for r in http[before:] if r["status"] != 200]
            if failed:
                entry["error"] = f"{len(failed)} of {len(http) - before} tile requests failed, first: HTTP {failed[0]['status']} {failed[0]['error']}"
        report["tiles"][name] = entry

    QgsApplication.processEvents()
    print(json.dumps(report, indent=2))
    app.exitQgis()
    shutil.rmtree(profile, ignore_errors=True)


def basic_auth_config(email, token):
    """Stores the Basic configuration the docs describe (user name the e-mail, password the
    token) in the throwaway auth database, behind a master password, and returns its id."""
    auth = QgsApplication.authManager()
    if not auth.setMasterPassword("throwaway master password", True):
        raise SystemExit("the auth manager refused the master password")
    cfg = QgsAuthMethodConfig("Basic")
    cfg.setName("Platssamverkan")
    cfg.setConfig("username", email)
    cfg.setConfig("password", token)
    ok, cfg = auth.storeAuthenticationConfig(cfg)
    if not ok:
        raise SystemExit("the auth manager did not store the Basic configuration")
    return cfg.id()


def collection_ids(base, authcfg):
    """The collections GET /ogc/collections lists, read through QGIS's network stack with
    the same configuration; none when it is refused (the report then names no layer)."""
    req = QgsBlockingNetworkRequest()
    req.setAuthCfg(authcfg)
    request = QNetworkRequest(QUrl(f"{base}/ogc/collections"))
    request.setRawHeader(b"Accept", b"application/json")
    if req.get(request) != QgsBlockingNetworkRequest.NoError:
        return []
    return [c["id"] for c in json.loads(bytes(req.reply().content()))["collections"]]


def draw(layer, extent):
    """Renders the layer over `extent` (EPSG:3857) synchronously, as the map canvas would,
    so QGIS fetches and decodes the tiles of the zoom that scale asks for."""
    settings = QgsMapSettings()
    settings.setLayers([layer])
    settings.setDestinationCrs(layer.crs())
    settings.setOutputSize(QSize(1024, 1024))
    settings.setExtent(extent.buffered(max(extent.width(), extent.height()) * 0.05 + 1))
    image = QImage(settings.outputSize(), QImage.Format_ARGB32)
    image.fill(QColor(255, 255, 255))
    painter = QPainter(image)
    job = QgsMapRendererCustomPainterJob(settings, painter)
    job.renderSynchronously()
    painter.end()


def error_of(layer, logged):
    """Why the layer did not open: its own error, else what its provider logged meanwhile
    (the OAPIF provider reports a refused download only to the message log); None when valid."""
    if layer.isValid():
        return None
    own = "" if layer.error().isEmpty() else layer.error().message(QgsErrorMessage.Text)
    return "; ".join([own] + logged if own else logged) or "invalid layer"


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description="Open every layer of a Platssamverkan server in QGIS with HTTP Basic and a token.")
    parser.add_argument("base", help="the server's origin, e.g. http://127.0.0.1:3000")
    parser.add_argument("email", help="user name of the Basic configuration (the account's e-mail)")
    parser.add_argument("token", help="password of the Basic configuration (a personal API token)")
    parser.add_argument("--collections", help="comma-separated collection ids (default: those /ogc/collections lists)")
    parser.add_argument("--bbox", help="minLon,minLat,maxLon,maxLat (WGS 84) to draw the tile layers over")
    main(parser.parse_args())
