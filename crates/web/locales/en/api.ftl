## api area (en)
api-field-unknown = This field is not allowed here.
api-field-missing = This field is required.
api-field-unknown-language = Language not recognised: use an ISO 639-1 code from Polku's language list, e.g. en or ar.
api-field-invalid = The value is not valid.
api-field-syntax = The JSON is malformed here.
api-field-duplicate = This identifier is already used.
api-field-unknown-id = Nothing with this identifier was found.
api-field-limit = The number is outside the allowed range.
api-field-cursor = The page cursor is not valid. Start again from the first page.
