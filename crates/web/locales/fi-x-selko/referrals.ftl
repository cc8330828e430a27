## Plain-language Finnish falls back to standard Finnish for staff-only text in this area.
