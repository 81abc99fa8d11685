"""Awards (khen thưởng): the catalogue of forms and titles, campaigns (đợt xét), dossiers (hồ sơ),
their workflow, nominees, history, attachments and evidence."""
