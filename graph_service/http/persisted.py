"""Persisted documents: Apollo's automatic persisted queries (APQ) and trusted documents.

APQ: a client first sends only `extensions.persistedQuery.sha256Hash`; an unknown hash is answered with the
`PERSISTED_QUERY_NOT_FOUND` error, the client sends the document with its hash, the service checks the hash and
keeps the document (in a bounded LRU store), and later hash-only requests run it.

Trusted documents: with a manifest (Apollo's `persisted-query-manifest.json`, or a flat JSON object of
sha256 -> document) only its documents run, by hash or in full; anything else is refused with
`PERSISTED_QUERY_NOT_IN_LIST`, and nothing new is stored.
"""

import hashlib
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cachetools import LRUCache

from graph_service.errors import ConfigError

APQ_VERSION = 1
SHA256 = re.compile(r"[0-9a-f]{64}")
MANIFEST_FORMAT = "apollo-persisted-query-manifest"


@dataclass(frozen=True)
class DocumentRefused(Exception):
    """A request's document cannot run; `status` is its HTTP status when the client accepts the GraphQL response
    media type (Apollo's clients expect 200 for the two errors that ask them to send the document)."""

    code: str
    message: str
    status: int = 400


NOT_FOUND = DocumentRefused("PERSISTED_QUERY_NOT_FOUND", "PersistedQueryNotFound", 200)
NOT_SUPPORTED = DocumentRefused("PERSISTED_QUERY_NOT_SUPPORTED", "PersistedQueryNotSupported", 200)
HASH_MISMATCH = DocumentRefused("PERSISTED_QUERY_HASH_MISMATCH", "provided sha does not match query")
NOT_IN_LIST = DocumentRefused(
    "PERSISTED_QUERY_NOT_IN_LIST", "This service runs only its trusted documents; this one is not among them."
)


def document_hash(document: str) -> str:
    return hashlib.sha256(document.encode()).hexdigest()


def load_manifest(path: Path) -> dict[str, str]:
    """The hash -> document map of a manifest file; a malformed file, or an id that is a sha256 other than its
    document's, fails start-up."""
    try:
        raw: Any = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as e:
        raise ConfigError(f"persisted documents {path}: {e}") from e
    if isinstance(raw, dict) and raw.get("format") == MANIFEST_FORMAT:
        operations = raw.get("operations")
        if raw.get("version") != 1 or not isinstance(operations, list):
            raise ConfigError(f"persisted documents {path}: expected version 1 with a list of operations")
        pairs = [(op.get("id"), op.get("body")) for op in operations if isinstance(op, dict)]
        if len(pairs) != len(operations):
            raise ConfigError(f"persisted documents {path}: every operation is an object with an id and a body")
    elif isinstance(raw, dict):
        pairs = list(raw.items())
    else:
        raise ConfigError(f"persisted documents {path}: expected an Apollo manifest or a hash -> document object")
    documents: dict[str, str] = {}
    for key, body in pairs:
        if not isinstance(key, str) or not isinstance(body, str) or not body.strip():
            raise ConfigError(f"persisted documents {path}: entry {key!r} needs a string id and a document")
        if SHA256.fullmatch(key) and document_hash(body) != key:
            raise ConfigError(f"persisted documents {path}: {key} is not the sha256 of its document")
        documents[key] = body
    return documents


class PersistedDocuments:
    """One per app; `resolve` turns a request's query and extensions into the document to run."""

    def __init__(self, *, cache_size: int, trusted: Mapping[str, str] | None = None) -> None:
        self.trusted = dict(trusted) if trusted is not None else None
        self.trusted_hashes = frozenset(document_hash(d) for d in self.trusted.values()) if self.trusted else None
        self.cache: LRUCache[str, str] | None = LRUCache(maxsize=cache_size) if cache_size else None

    @classmethod
    def from_settings(cls, *, cache_size: int, manifest: Path | None) -> "PersistedDocuments":
        return cls(cache_size=cache_size, trusted=load_manifest(manifest) if manifest else None)

    def resolve(self, query: str | None, extensions: Mapping[str, Any] | None) -> str | None:
        persisted = (extensions or {}).get("persistedQuery")
        if persisted is None:
            if self.trusted is not None and query and document_hash(query) not in (self.trusted_hashes or ()):
                raise NOT_IN_LIST
            return query
        sha = _requested_hash(persisted)
        if self.trusted is not None:
            if not query:
                if sha not in self.trusted:
                    raise NOT_IN_LIST
                return self.trusted[sha]
            if document_hash(query) != sha and self.trusted.get(sha) != query:
                raise HASH_MISMATCH
            if sha not in self.trusted and sha not in (self.trusted_hashes or ()):
                raise NOT_IN_LIST
            return query
        if self.cache is None:
            raise NOT_SUPPORTED
        if not query:
            known = self.cache.get(sha)
            if known is None:
                raise NOT_FOUND
            return known
        if document_hash(query) != sha:
            raise HASH_MISMATCH
        self.cache[sha] = query
        return query


def _requested_hash(persisted: object) -> str:
    if not isinstance(persisted, dict) or persisted.get("version") != APQ_VERSION:
        raise DocumentRefused("BAD_REQUEST", f"extensions.persistedQuery must be an object with version {APQ_VERSION}")
    sha = persisted.get("sha256Hash")
    if not isinstance(sha, str) or not sha:
        raise DocumentRefused("BAD_REQUEST", "extensions.persistedQuery.sha256Hash must be a non-empty string")
    return sha
