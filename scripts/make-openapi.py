#!/usr/bin/env python3
"""Writes Sources/RenkeiHTTP/Resources/openapi.json, the OpenAPI 3.1 document the server
serves at /openapi.json. Edit the routes and schemas here, run this from the repository
root, and commit both; ServerTests checks the routes, CI's schemathesis run checks the rest."""
import json
problem_ref = {"$ref": "#/components/responses/Problem"}
def problems(*codes):
    return {str(c): problem_ref for c in codes}
common = (400, 404, 413, 414, 503)
def q(name, schema, required=False, description=None):
    p = {"name": name, "in": "query", "required": required, "schema": schema}
    if description: p["description"] = description
    return p
def path_param(name, schema, description):
    return {"name": name, "in": "path", "required": True, "schema": schema, "description": description}
def ok(schema_ref, media="application/json", description="OK"):
    return {"description": description, "content": {media: {"schema": schema_ref}}}
ref = lambda n: {"$ref": f"#/components/schemas/{n}"}
kind_enum = ["city", "prefecture", "company", "university", "organization", "agreement", "project"]
pred_enum = ["party_to", "participates_in", "organizes", "under", "in_prefecture"]
def op(summary, params, responses, description=None, tags=None):
    o = {"summary": summary, "parameters": params, "responses": responses}
    if description: o["description"] = description
    return {"get": o}
text_html = {"type": "string"}
def cached(response):
    """A response the server's response cache may answer (`renkei serve --cache-megabytes`)."""
    return {**response, "headers": {"Renkei-Cache": {
        "description": "`hit` when the answer came from the response cache (same request, index unchanged since), `miss` when it was computed; absent when the cache is off.",
        "schema": {"type": "string", "enum": ["hit", "miss"]}}}}
key_description = ("Entities are identified by stable keys: `city:132128` and `prefecture:130001` by the 全国地方公共団体コード, "
    "`company:イオン`, `university:…`, `organization:…` by the name without its legal form, agreements and projects by "
    "16 hex digits of a hash of their name, parties and date. Keys stay the same when the index is rebuilt. A number "
    "(the row ids of earlier versions) answers 404 with a problem that says so.")
key_param = dict(path_param("key", {"type": "string", "minLength": 1}, "The entity key, e.g. city:132128 (percent-encode non-ASCII)."),
    example="city:132128")
cursor_param = q("cursor", {"type": "string", "minLength": 1, "maxLength": 1024}, description="The cursor of the previous page's `next` URL, unchanged.")
date_schema = {"type": "string", "pattern": "^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$"}
def list_params(member, member_description):
    """The filters and paging agreements and projects share."""
    return [
      {"name": member, "in": "query", "required": False, "schema": {"type": "array", "items": {"type": "string", "minLength": 1, "maxLength": 256}},
       "style": "form", "explode": True, "description": member_description},
      q("kind", {"type": "string", "enum": kind_enum}, description="A kind of body that must take part."),
      q("city", {"type": "string", "minLength": 1, "maxLength": 256}, description="A city (6-digit code or name) that must take part."),
      q("prefecture", {"type": "string", "minLength": 1, "maxLength": 256}, description="A prefecture (2- or 6-digit code, or name): one of its cities, or itself, must take part."),
      q("q", {"type": "string", "minLength": 1, "maxLength": 256}, description="Text the name (or a written form of it) contains."),
      q("limit", {"type": "integer", "minimum": 1, "maximum": 500, "default": 100}),
      cursor_param,
    ]
list_description = ("Pages run newest first, then by key. `next` is the URL of the next page (null on the last) and a "
    "`Link: <…>; rel=\"next\"` header says the same. An entity or place the index does not know gives an empty list with a "
    "notice; an ambiguous name is a 400 that lists its candidates.")
def listed(response):
    return {**response, "headers": {**response.get("headers", {}), "Link": {"description": "`<next page URL>; rel=\"next\"` when there is a next page.", "schema": {"type": "string"}}}}
# Operation ids and links between operations, for schemathesis's stateful phase: it follows
# a list to its items (an entity's key to its page and relations, a hit to its document).
operation_ids = {
    "/api/search": "search", "/api/documents/{id}": "getDocument", "/api/entities": "listEntities",
    "/api/entities/{key}": "getEntity", "/api/entities/{key}/relations": "listRelations", "/api/agreements": "listAgreements",
    "/api/agreements/{key}": "getAgreement", "/api/projects": "listProjects", "/api/projects/{key}": "getProject",
}
links = {
    "/api/search": {"GetHitDocument": ("getDocument", {"id": "$response.body#/hits/0/document"})},
    "/api/entities": {"GetEntity": ("getEntity", {"key": "$response.body#/entities/0/key"}),
                      "ListEntityRelations": ("listRelations", {"key": "$response.body#/entities/0/key"})},
    "/api/entities/{key}": {"ListRelations": ("listRelations", {"key": "$response.body#/entity/summary/key"})},
    "/api/entities/{key}/relations": {"GetOtherEntity": ("getEntity", {"key": "$response.body#/relations/0/other/key"})},
    "/api/agreements": {"GetAgreement": ("getAgreement", {"key": "$response.body#/agreements/0/key"})},
    "/api/agreements/{key}": {"GetParty": ("getEntity", {"key": "$response.body#/agreement/parties/0/key"})},
    "/api/projects": {"GetProject": ("getProject", {"key": "$response.body#/projects/0/key"})},
}
paths = {
  "/api/search": op("Phrase search (exact, and loose through 表記ゆれ) with highlighted snippets, filters and facets", [
      q("q", {"type": "string", "minLength": 1, "maxLength": 1000}, True,
        "Terms separated by spaces must all occur; `a OR b` either; `-term` must not occur; \"quoted phrases\" keep their spaces. Matching is exact on NFKC-normalised, case-folded text."),
      q("city", {"type": "string", "minLength": 1, "maxLength": 256}, description="A city name (府中市 stands for every city of that name) or its 6-digit code (132128). A city no document names matches nothing, and `notices` says so."),
      q("entity", {"type": "string", "minLength": 1, "maxLength": 256}, description="An entity key (city:132128, company:イオン) or an entity's exact name or alias. An unknown one matches nothing, and `notices` says so."),
      q("kind", {"type": "string", "enum": kind_enum}, description="Only documents that name an entity of this kind."),
      q("fy", {"type": "integer", "minimum": 1868, "maximum": 2200}, description="Only documents about this fiscal year (April to March, named by the year it starts)."),
      q("limit", {"type": "integer", "minimum": 1, "maximum": 100, "default": 10}),
      q("offset", {"type": "integer", "minimum": 0, "maximum": 100000, "default": 0}),
      q("facets", {"type": "boolean", "default": True}, description="Count the matching documents by city, kind and fiscal year."),
      q("match", {"type": "string", "enum": ["exact", "loose"], "default": "loose"}, description="exact: terms as written (after NFKC and lower case); loose: also through 表記ゆれ (kana, small kana, ー, 々, blanks and middle dots, kanji variants, spelling variants such as 子供/子ども), with loose hits after every exact one."),
    ], {"200": listed(cached(ok(ref("SearchAnswer")))), **problems(*common)}),
  "/api/documents/{id}": op("A document's clean text and the entities it names",
      [dict(path_param("id", {"type": "string", "minLength": 1}, "The document id: its path relative to the ingested folder."), example="001_1d73dc4b883ceee7.txt")],
      {"200": ok(ref("DocumentAnswer")), **problems(*common)}),
  "/api/entities": op("Entities by kind and name prefix, most documented first", [
      q("kind", {"type": "string", "enum": kind_enum}),
      q("q", {"type": "string"}, description="A prefix of any written form of the name."),
      q("limit", {"type": "integer", "minimum": 1, "maximum": 1000, "default": 100}),
      cursor_param,
    ], {"200": listed(ok(ref("EntityList"))), **problems(*common)}),
  "/api/entities/{key}": op("An entity's attributes, written forms and mentions",
      [key_param], {"200": {"description": "OK", "content": {"application/json": {"schema": ref("EntityAnswer")},
          "application/ld+json": {"schema": {"type": "object"}}}}, **problems(*common)},
      key_description + " With `Accept: application/ld+json` the answer is the entity's schema.org JSON-LD node with its `@context`."),
  "/api/entities/{key}/relations": op("An entity's typed neighbours with the evidence they were read from", [
      key_param,
      q("predicate", {"type": "string", "enum": pred_enum}),
      q("other_kind", {"type": "string", "enum": kind_enum}, description="Only relations whose other end is of this kind."),
      q("signed_from", date_schema, description="Only relations to agreements signed on or after this year, month or date."),
      q("signed_to", date_schema, description="Only relations to agreements signed on or before; a year or month includes all of it."),
      q("limit", {"type": "integer", "minimum": 1, "maximum": 500, "default": 100}),
      cursor_param,
    ], {"200": listed(ok(ref("RelationList"))), **problems(*common)},
    "Each relation carries the other entity; when that is an agreement, also its signing date and parties (`agreement`)."),
  "/api/paths": op("A shortest path between two entities over relations in either direction", [
      dict(q("from", {"type": "string", "minLength": 1}, True, "An entity key or name."), example="KDDI株式会社"),
      dict(q("to", {"type": "string", "minLength": 1}, True, "An entity key or name."), example="日野市"),
      q("maxHops", {"type": "integer", "minimum": 1, "maximum": 8, "default": 4}),
    ], {"200": ok(ref("PathAnswer")), **problems(*common)}),
  "/api/agreements": op("Agreements with their parties, signing dates, topics, projects, pages and evidence, newest first",
      list_params("party", "An entity key or name that must be a party (repeat for several: all must be parties).") + [
      q("signed_from", date_schema, description="Signed on or after: a year (2020), a month (2020-04) or a date (2020-04-01). Agreements without a date pass no date bound."),
      q("signed_to", date_schema, description="Signed on or before; a year or month includes all of it."),
    ], {"200": listed(ref("AgreementList")), **problems(*common)}, list_description),
  "/api/agreements/{key}": op("One agreement with its parties, date, projects, pages and evidence",
      [dict(path_param("key", {"type": "string", "minLength": 1}, "An agreement's key, e.g. agreement:7025a87f2b309bf5."), example="agreement:5905e989e5772b38")],
      {"200": ok(ref("AgreementAnswer")), **problems(*common)}),
  "/api/projects": op("Projects with their participants, organizers, agreements, fiscal year and amount, newest first",
      list_params("participant", "An entity key or name that must take part (repeat for several: all must).") + [
      q("fiscal_year", {"type": "integer", "minimum": 1868, "maximum": 2200}),
      q("amount_min", {"type": "integer", "minimum": 0, "maximum": 2147483647000}, description="Amount in yen, at least."),
      q("amount_max", {"type": "integer", "minimum": 0, "maximum": 2147483647000}, description="Amount in yen, at most."),
    ], {"200": listed(ref("ProjectList")), **problems(*common)}, list_description),
  "/api/projects/{key}": op("One project with its participants, agreements, pages and evidence",
      [dict(path_param("key", {"type": "string", "minLength": 1}, "A project's key, e.g. project:4eb858db31b59b83."), example="project:4eb858db31b59b83")],
      {"200": ok(ref("ProjectAnswer")), **problems(*common)}),
  "/api/changes": op("Documents and entities added, updated or removed after a generation of the index: incremental sync", [
      dict(q("since", {"type": "integer", "minimum": 0, "maximum": 9007199254740991}, True,
        "0 for everything, else the `until` of your last completed sync. A generation past the index's own is a 400 (the index was rebuilt: sync from 0)."), example=0),
      q("limit", {"type": "integer", "minimum": 1, "maximum": 500, "default": 100}),
      q("cursor", {"type": "string", "minLength": 1, "maxLength": 1024}, description="The `next` of the previous page, unchanged."),
    ], {"200": listed(ref("ChangeFeed")), **problems(*common)},
    "Every write to the index raises its generation. A page lists changes after `since` up to `until` (the generation the first page was read at), "
    "by generation, subject and key; follow `next` to the end, then store `until` and pass it as `since` next time. An entry says how it "
    "changed since `since`: `added` (appeared after it), `removed`, or `updated` (for an entity: its attributes, written forms or relations)."),
  "/api/stats/partners": op("An entity's partners (bodies sharing an agreement with it) by kind and signing year, and in total by kind", [
      dict(q("city", {"type": "string", "minLength": 1, "maxLength": 256}, description="A city or prefecture: 6-digit code, key or name. Required unless `entity` is given."), example="132128"),
      q("entity", {"type": "string", "minLength": 1, "maxLength": 256}, description="Any entity (key or name), instead of `city`."),
    ], {"200": ok(ref("PartnerStatistics")), **problems(*common)}),
  "/api/stats/agreements": op("Agreements counted by signing year, by the prefecture of their city and prefecture parties, or by the kind of their parties", [
      q("group_by", {"type": "string", "enum": ["year", "prefecture", "party_kind"], "default": "year"}),
    ], {"200": ok(ref("AgreementStatistics")), **problems(*common)},
    "An agreement counts once per group it falls in: with parties in two prefectures, or of two kinds, in both. `value` is null for undated agreements."),
  "/api/export": op("The whole knowledge graph, streamed from one snapshot of the index", [
      dict(q("format", {"type": "string", "enum": ["jsonld", "graphml", "neo4j-csv", "ndjson"]}, True,
        "jsonld: schema.org JSON-LD; graphml: for Gephi and Cytoscape; neo4j-csv: neo4j-admin import files (with `file`); ndjson: one JSON object per line, entities then relations."), example="jsonld"),
      q("file", {"type": "string", "enum": ["nodes", "relationships"]}, description="Which file of neo4j-csv."),
    ], {"200": {"description": "The graph, chunked", "content": {
          "application/ld+json": {"schema": {"type": "object"}}, "application/graphml+xml": {"schema": {"type": "string"}},
          "text/csv": {"schema": {"type": "string"}}, "application/x-ndjson": {"schema": {"type": "string"}}}},
        **problems(*common)},
    "Memory stays flat whatever the graph's size: the export is read with cursors from one read transaction and written as the client takes it."),
  "/healthz": op("Liveness and the index's counts", [], {"200": ok(ref("Health")), **problems(413, 414, 503)}),
  "/metrics": op("Prometheus text exposition: requests and latency by route, index gauges", [],
      {"200": ok({"type": "string"}, "text/plain"), **problems(413, 414, 503)}),
  "/openapi.json": op("This document", [], {"200": ok({"type": "object"}), **problems(413, 414)}),
  "/": op("The staff search page (HTML)", [
      q("q", {"type": "string"}), q("city", {"type": "string"}), q("entity", {"type": "string"}),
      q("kind", {"type": "string"}), q("fy", {"type": "string"}), q("page", {"type": "string"}), q("match", {"type": "string"}),
    ], {"200": cached(ok(text_html, "text/html")),
        "400": {"description": "The page, saying what is wrong with the query or a filter", "content": {"text/html": {"schema": text_html}}},
        **problems(413, 414, 503)}),
  "/agreements": op("協定一覧 (HTML): agreements with parties, date and sources, filtered as /api/agreements", [
      q("party", {"type": "string"}), q("kind", {"type": "string"}), q("city", {"type": "string"}), q("prefecture", {"type": "string"}),
      q("signed_from", {"type": "string"}), q("signed_to", {"type": "string"}), q("q", {"type": "string"}), q("cursor", {"type": "string"}),
    ], {"200": ok(text_html, "text/html"),
        "400": {"description": "The page, saying what is wrong with a filter", "content": {"text/html": {"schema": text_html}}},
        **problems(413, 414, 503)}),
  "/agreements.csv": op("協定一覧 as CSV for Excel (UTF-8 with a byte order mark), every agreement the filters select", [
      p for p in list_params("party", "An entity key or name that must be a party (repeat for several).") if p["name"] not in ("limit", "cursor")] + [
      q("signed_from", date_schema), q("signed_to", date_schema),
    ], {"200": ok({"type": "string"}, "text/csv"), **problems(*common)}),
  "/entities/{key}": op("An entity's page (HTML) with its neighbourhood drawn as SVG",
      [key_param],
      {"200": ok(text_html, "text/html"), **problems(*common)}),
}
for path, operation_id in operation_ids.items():
    paths[path]["get"]["operationId"] = operation_id
for path, named in links.items():
    paths[path]["get"]["responses"]["200"]["links"] = {
        name: {"operationId": target, "parameters": parameters} for name, (target, parameters) in named.items()}
S = lambda props, required=None, **kw: {"type": "object", "properties": props, "required": required if required is not None else list(props), **kw}
I = {"type": "integer"}; T = {"type": "string"}; N = {"type": "number"}
pair = {"type": "array", "items": I, "minItems": 2, "maxItems": 2}
schemas = {
  "Problem": S({"type": T, "title": T, "status": I, "detail": T, "instance": T}),
  "EntitySummary": S({"key": {"type": "string", "description": "The entity's stable key, e.g. city:132128"}, "kind": {"type": "string", "enum": kind_enum}, "name": T, "prefecture": T, "code": T,
      "documents": {"type": "integer", "description": "How many documents name it."}}, ["key", "kind", "name", "documents"]),
  "Snippet": S({"text": T, "start": {"type": "integer", "description": "Unicode scalar offset in the hit's text"}, "end": I,
      "highlights": {"type": "array", "items": pair, "description": "[start, end] scalar offsets into `text`"},
      "page": {"type": "integer", "minimum": 1, "description": "In a PDF: the page of the snippet's first match (absent for other documents)"}},
      ["text", "start", "end", "highlights"]),
  "SearchHit": S({"rank": I, "match": {"type": "string", "enum": ["exact", "loose"], "description": "loose: found only through 表記ゆれ"}, "id": {"type": "string", "description": "document, or document#record for a table record"},
      "document": T, "url": {"type": "string", "format": "uri", "description": "The original page, for a document fetched from the web (its id is its URL)"}, "record": I, "title": T, "score": N, "titleHighlights": {"type": "array", "items": pair},
      "snippets": {"type": "array", "items": ref("Snippet")}}, ["rank", "match", "id", "document", "title", "score", "titleHighlights", "snippets"]),
  "SearchFilters": S({"city": T, "entity": T, "kind": {"type": "string", "enum": kind_enum}, "fiscalYear": I}, []),
  "SearchFacets": S({
      "documents": {"type": "integer", "description": "Matching documents (facet counts count documents)"},
      "cities": {"type": "array", "items": S({"key": T, "name": T, "prefecture": T, "code": T, "count": I}, ["key", "name", "count"])},
      "kinds": {"type": "array", "items": S({"kind": {"type": "string", "enum": kind_enum}, "count": I})},
      "fiscalYears": {"type": "array", "items": S({"fiscalYear": I, "count": I})}}),
  "SearchAnswer": S({"query": T, "total": {"type": "integer", "description": "Matching units (documents and table records)"},
      "offset": I, "limit": I, "filters": ref("SearchFilters"), "hits": {"type": "array", "items": ref("SearchHit")},
      "facets": ref("SearchFacets"), "notices": {"type": "array", "items": T, "description": "Why a filter matched nothing"},
      "match": {"type": "string", "enum": ["exact", "loose"]},
      "next": {"type": ["string", "null"], "description": "The next page's URL (offset moved on by limit); null on the last"}},
      ["query", "total", "offset", "limit", "filters", "hits", "notices", "match", "next"]),
  "DocumentAnswer": S({"id": T, "title": T, "encoding": T, "body": T, "records": I, "entities": {"type": "array", "items": ref("EntitySummary")}}),
  "EntityList": S({"entities": {"type": "array", "items": ref("EntitySummary")}, "next": {"type": ["string", "null"]}}),
  "EntityDetail": S({"summary": ref("EntitySummary"), "aliases": {"type": "array", "items": T}, "corporateNumber": T, "signed": T,
      "topics": {"type": "array", "items": T}, "amountYen": I, "fiscalYear": I,
      "mentions": {"type": "array", "items": S({"document": T, "start": I, "end": I})}}, ["summary", "aliases", "topics", "mentions"]),
  "EntityAnswer": S({"entity": ref("EntityDetail")}),
  "RelationEdge": S({"predicate": {"type": "string", "enum": pred_enum}, "direction": {"type": "string", "enum": ["outgoing", "incoming"]},
      "other": ref("EntitySummary"), "document": T, "evidence": T, "evidenceStart": I, "evidenceEnd": I,
      "agreement": S({"signed": T, "parties": {"type": "array", "items": ref("EntitySummary")}}, ["parties"])},
      ["predicate", "direction", "other", "document"]),
  "RelationList": S({"entity": ref("EntitySummary"), "relations": {"type": "array", "items": ref("RelationEdge")}, "next": {"type": ["string", "null"]}}),
  "PathAnswer": S({"from": ref("EntitySummary"), "to": ref("EntitySummary"),
      "hops": {"type": "array", "items": S({"from": ref("EntitySummary"), "edge": ref("RelationEdge")})}}),
  "Member": S({"key": T, "name": T, "kind": {"type": "string", "enum": kind_enum}, "role": {"type": "string", "enum": ["party_to", "participates_in", "organizes"]}}),
  "Link": S({"key": T, "name": T, "kind": {"type": "string", "enum": kind_enum}}),
  "Evidence": S({"document": T, "start": I, "end": I, "text": T,
      "relations": {"type": "array", "items": S({"predicate": {"type": "string", "enum": pred_enum}, "entity": T}),
                    "description": "The relations read from these words: predicate and the entity on the other end"}},
      ["document", "relations"]),
  "Agreement": S({"key": T, "name": T, "aliases": {"type": "array", "items": T}, "signed": T,
      "parties": {"type": "array", "items": ref("Member")}, "topics": {"type": "array", "items": T},
      "projects": {"type": "array", "items": ref("Link")}, "documents": {"type": "array", "items": T},
      "evidence": {"type": "array", "items": ref("Evidence")}},
      ["key", "name", "aliases", "parties", "topics", "projects", "documents", "evidence"]),
  "Project": S({"key": T, "name": T, "aliases": {"type": "array", "items": T}, "fiscalYear": I, "amountYen": I,
      "participants": {"type": "array", "items": ref("Member")}, "topics": {"type": "array", "items": T},
      "agreements": {"type": "array", "items": ref("Link")}, "documents": {"type": "array", "items": T},
      "evidence": {"type": "array", "items": ref("Evidence")}},
      ["key", "name", "aliases", "participants", "topics", "agreements", "documents", "evidence"]),
  "AgreementList": S({"agreements": {"type": "array", "items": ref("Agreement")}, "next": {"type": ["string", "null"]},
      "notices": {"type": "array", "items": T}}),
  "ProjectList": S({"projects": {"type": "array", "items": ref("Project")}, "next": {"type": ["string", "null"]},
      "notices": {"type": "array", "items": T}}),
  "AgreementAnswer": S({"agreement": ref("Agreement")}),
  "ProjectAnswer": S({"project": ref("Project")}),
  "ChangeFeed": S({"since": I, "until": I, "next": {"type": ["string", "null"]},
      "changes": {"type": "array", "items": S({"subject": {"type": "string", "enum": ["document", "entity"]},
          "key": {"type": "string", "description": "The document's id or the entity's key"},
          "change": {"type": "string", "enum": ["added", "updated", "removed"]}, "generation": I})}}),
  "PartnerStatistics": S({"entity": ref("EntitySummary"),
      "byYear": {"type": "array", "items": S({"kind": {"type": "string", "enum": kind_enum}, "year": {"type": ["integer", "null"]}, "partners": I}, ["kind", "partners"])},
      "totals": {"type": "array", "items": S({"kind": {"type": "string", "enum": kind_enum}, "partners": I})}}),
  "AgreementStatistics": S({"groupBy": {"type": "string", "enum": ["year", "prefecture", "party_kind"]},
      "groups": {"type": "array", "items": S({"value": {"type": ["string", "null"]}, "label": {"type": ["string", "null"]}, "agreements": I}, ["agreements"])}}),
  "Health": S({"status": {"type": "string", "enum": ["ok"]}, "documents": I, "entities": I, "relations": I,
      "replicas": {"type": "array", "description": "Each read replica's lag behind the primary (PostgreSQL with --read-replica only)",
                   "items": S({"server": T, "lagBytes": {"type": ["integer", "null"]}, "lagGenerations": {"type": ["integer", "null"]},
                               "problem": {"type": ["string", "null"]}}, ["server"])}},
      ["status", "documents", "entities", "relations"]),
}
doc = {
  "openapi": "3.1.0",
  "info": {"title": "Renkei", "version": "0.2.0",
           "description": "Search and knowledge graph over Japanese municipal documents. Errors are application/problem+json (RFC 9457); a parameter given with an empty value is a 400 (leave it out instead). Offsets are Unicode scalar offsets. Only GET and HEAD are served. "
                          "Every answer drawn from the index carries a weak ETag of the index's generation (Cache-Control: no-cache): send it back in "
                          "If-None-Match and an unchanged index answers 304 without a body. Lists page with an opaque cursor: follow `next` (also in "
                          "the Link header). Raw UTF-8 in a request target is read as UTF-8, like its percent-encoded form."},
  "paths": paths,
  "components": {"schemas": schemas, "responses": {"Problem": {"description": "A problem (RFC 9457) with a detail a person can act on",
      "content": {"application/problem+json": {"schema": ref("Problem")}}}}},
}
open("Sources/RenkeiHTTP/Resources/openapi.json", "w").write(json.dumps(doc, ensure_ascii=False, indent=2, sort_keys=True) + "\n")
