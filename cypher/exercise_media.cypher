// The media each exercise is already shown in, with their order: what an import need not add again.
MATCH (e:Exercise)-[shown:SHOWN_IN]->(media:Media)
RETURN e.slug AS slug,
       collect({url: media.url, kind: media.kind, source: media.source, license: media.license,
                position: shown.position}) AS media
