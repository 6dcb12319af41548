"""Ordered forward migrations of the library database.

`MIGRATIONS[i]` (an SQL script) takes a database from schema version i to i + 1 (PRAGMA user_version). Never edit a
migration that has shipped: add the next one, and add a fixture database of the old version under
tests/fixtures/ so tests/core/storage/test_database.py opens and migrates it.
"""

from __future__ import annotations

from reader.core.label_defaults import DEFAULT_LABELS


def _sql_literal(value: object) -> str:
    if isinstance(value, int):
        return str(value)
    return "'" + str(value).replace("'", "''") + "'"


V1_ARTICLES = """
        CREATE TABLE articles (
            id           INTEGER PRIMARY KEY,
            title        TEXT NOT NULL,
            author       TEXT NOT NULL DEFAULT '',
            outlet       TEXT NOT NULL DEFAULT '',
            url          TEXT NOT NULL DEFAULT '',
            published    TEXT NOT NULL DEFAULT '',   -- ISO 8601 date, '' when unknown
            language     TEXT NOT NULL DEFAULT '',
            source_path  TEXT NOT NULL DEFAULT '',
            content_hash TEXT NOT NULL,              -- sha256 of the canonical text
            imported_at  TEXT NOT NULL,              -- ISO 8601 UTC timestamp
            updated_at   TEXT NOT NULL
        );
        CREATE INDEX articles_content_hash ON articles(content_hash);
        CREATE TABLE blocks (
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            position   INTEGER NOT NULL,
            kind       TEXT NOT NULL CHECK (kind IN ('paragraph', 'heading', 'quote', 'list_item')),
            level      INTEGER NOT NULL DEFAULT 0,
            text       TEXT NOT NULL,
            PRIMARY KEY (article_id, position)
        ) WITHOUT ROWID;
"""

V2_ANNOTATIONS = """
        CREATE TABLE color_labels (
            key      TEXT PRIMARY KEY,
            name     TEXT NOT NULL,
            color    TEXT NOT NULL,       -- #rrggbb
            position INTEGER NOT NULL
        );
        CREATE TABLE highlights (
            id         INTEGER PRIMARY KEY,
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            start      INTEGER NOT NULL,  -- code points in the canonical text
            "end"      INTEGER NOT NULL,
            exact      TEXT NOT NULL,
            prefix     TEXT NOT NULL DEFAULT '',
            suffix     TEXT NOT NULL DEFAULT '',
            text_hash  TEXT NOT NULL,     -- content_hash of the text the position refers to
            color      TEXT NOT NULL,     -- a color_labels.key (kept even if the label is deleted)
            style      TEXT NOT NULL DEFAULT 'background' CHECK (style IN ('background', 'underline')),
            note       TEXT NOT NULL DEFAULT '',  -- Markdown
            orphan     INTEGER NOT NULL DEFAULT 0,
            created    TEXT NOT NULL,
            updated    TEXT NOT NULL
        );
        CREATE INDEX highlights_article ON highlights(article_id, start);
        CREATE TABLE highlight_tags (
            highlight_id INTEGER NOT NULL REFERENCES highlights(id) ON DELETE CASCADE,
            tag          TEXT NOT NULL,
            PRIMARY KEY (highlight_id, tag)
        ) WITHOUT ROWID;
        CREATE INDEX highlight_tags_tag ON highlight_tags(tag);
        CREATE TABLE article_notes (
            article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
            note       TEXT NOT NULL,
            updated    TEXT NOT NULL
        );
        CREATE TABLE article_tags (
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            tag        TEXT NOT NULL,
            PRIMARY KEY (article_id, tag)
        ) WITHOUT ROWID;
        CREATE INDEX article_tags_tag ON article_tags(tag);
        CREATE TABLE settings (
            key   TEXT PRIMARY KEY,
            value TEXT NOT NULL
        );
""" + "".join(
    "INSERT INTO color_labels(key, name, color, position) VALUES "
    f"({', '.join(map(_sql_literal, (row.key, row.name, row.color, row.position)))});\n"
    for row in DEFAULT_LABELS
)

V3_COLLECTIONS = """
        CREATE TABLE collections (
            id      INTEGER PRIMARY KEY,
            name    TEXT NOT NULL UNIQUE,
            created TEXT NOT NULL
        );
        CREATE TABLE article_collections (
            collection_id INTEGER NOT NULL REFERENCES collections(id) ON DELETE CASCADE,
            article_id    INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            PRIMARY KEY (collection_id, article_id)
        ) WITHOUT ROWID;
        CREATE INDEX article_collections_article ON article_collections(article_id);
        -- an import finds the earlier version of a page by its canonical URL
        CREATE INDEX articles_url ON articles(url) WHERE url != '';
"""

V4_PAGES = """
        -- research pages: Markdown that belongs to no article; a quote is a marker line in `text`
        -- ({{quote ID}}, reader.core.pages), so a deleted highlight stays visible as a dangling marker
        CREATE TABLE pages (
            id      INTEGER PRIMARY KEY,
            title   TEXT NOT NULL UNIQUE,
            text    TEXT NOT NULL DEFAULT '',
            created TEXT NOT NULL,
            updated TEXT NOT NULL
        );
"""

V5_SHARING = """
        -- every record of a shared folder this library knows, its own included (reader/core/sharing)
        CREATE TABLE share_records (
            id         TEXT PRIMARY KEY,
            member     TEXT NOT NULL,
            at_millis  INTEGER NOT NULL,
            at_counter INTEGER NOT NULL,
            kind       TEXT NOT NULL,
            target     TEXT NOT NULL,
            sent       INTEGER NOT NULL DEFAULT 1,  -- 0: this library's record, not yet in its log
            line       TEXT NOT NULL                -- the record as JSON
        );
        CREATE INDEX share_records_target ON share_records(kind, target);
        CREATE INDEX share_records_unsent ON share_records(sent) WHERE sent = 0;
        -- a shared id -> this library's highlight or article (an article may have several: members that
        -- imported the same page each gave it one); `birth` tells a reused row id from the row linked
        CREATE TABLE share_links (
            kind     TEXT NOT NULL,
            target   TEXT NOT NULL,
            local_id INTEGER NOT NULL,
            birth    TEXT NOT NULL,
            PRIMARY KEY (kind, target)
        ) WITHOUT ROWID;
        CREATE INDEX share_links_local ON share_links(kind, local_id);
        -- the merged state of each shared target, as this library last applied it
        CREATE TABLE share_state (
            kind        TEXT NOT NULL,
            target      TEXT NOT NULL,
            winner      TEXT NOT NULL,     -- the winning record's id
            deleted     INTEGER NOT NULL,
            fingerprint TEXT NOT NULL,
            creator     TEXT NOT NULL,     -- who made the first version (their name)
            conflicts   INTEGER NOT NULL,  -- concurrent versions kept as history
            creator_member TEXT NOT NULL DEFAULT '',  -- and their member id
            PRIMARY KEY (kind, target)
        ) WITHOUT ROWID;
        -- where the last read of each log file in the shared folder stopped
        CREATE TABLE share_offsets (
            file   TEXT PRIMARY KEY,
            offset INTEGER NOT NULL
        );
        -- counts every write to what a shared folder carries: a sync with nothing new here skips comparing
        -- the whole library with what it last published (triggers see the command line's writes too)
        CREATE TABLE share_changes (count INTEGER NOT NULL);
        INSERT INTO share_changes(count) VALUES (0);
        CREATE TRIGGER share_seen_articles_insert AFTER INSERT ON articles BEGIN UPDATE share_changes SET count = count + 1; END;
        CREATE TRIGGER share_seen_articles_update AFTER UPDATE ON articles BEGIN UPDATE share_changes SET count = count + 1; END;
        CREATE TRIGGER share_seen_articles_delete AFTER DELETE ON articles BEGIN UPDATE share_changes SET count = count + 1; END;
        CREATE TRIGGER share_seen_highlights_insert AFTER INSERT ON highlights BEGIN UPDATE share_changes SET count = count + 1; END;
        CREATE TRIGGER share_seen_highlights_update AFTER UPDATE ON highlights BEGIN UPDATE share_changes SET count = count + 1; END;
        CREATE TRIGGER share_seen_highlights_delete AFTER DELETE ON highlights BEGIN UPDATE share_changes SET count = count + 1; END;
        CREATE TRIGGER share_seen_highlight_tags_insert AFTER INSERT ON highlight_tags BEGIN UPDATE share_changes SET count = count + 1; END;
        CREATE TRIGGER share_seen_highlight_tags_update AFTER UPDATE ON highlight_tags BEGIN UPDATE share_changes SET count = count + 1; END;
        CREATE TRIGGER share_seen_highlight_tags_delete AFTER DELETE ON highlight_tags BEGIN UPDATE share_changes SET count = count + 1; END;
        CREATE TRIGGER share_seen_article_tags_insert AFTER INSERT ON article_tags BEGIN UPDATE share_changes SET count = count + 1; END;
        CREATE TRIGGER share_seen_article_tags_update AFTER UPDATE ON article_tags BEGIN UPDATE share_changes SET count = count + 1; END;
        CREATE TRIGGER share_seen_article_tags_delete AFTER DELETE ON article_tags BEGIN UPDATE share_changes SET count = count + 1; END;
        CREATE TRIGGER share_seen_article_collections_insert AFTER INSERT ON article_collections BEGIN UPDATE share_changes SET count = count + 1; END;
        CREATE TRIGGER share_seen_article_collections_update AFTER UPDATE ON article_collections BEGIN UPDATE share_changes SET count = count + 1; END;
        CREATE TRIGGER share_seen_article_collections_delete AFTER DELETE ON article_collections BEGIN UPDATE share_changes SET count = count + 1; END;
        CREATE TRIGGER share_seen_collections_insert AFTER INSERT ON collections BEGIN UPDATE share_changes SET count = count + 1; END;
        CREATE TRIGGER share_seen_collections_update AFTER UPDATE ON collections BEGIN UPDATE share_changes SET count = count + 1; END;
        CREATE TRIGGER share_seen_collections_delete AFTER DELETE ON collections BEGIN UPDATE share_changes SET count = count + 1; END;
"""

#: Each entry is one SQL script; sqlite3's executescript commits any open transaction first, so
#: reader.core.storage.database.migrate wraps each script in its own BEGIN ... COMMIT.
MIGRATIONS: list[str] = [V1_ARTICLES, V2_ANNOTATIONS, V3_COLLECTIONS, V4_PAGES, V5_SHARING]
SCHEMA_VERSION = len(MIGRATIONS)
