## api area (sv)
api-field-unknown = Det här fältet är inte tillåtet här.
api-field-missing = Det här fältet är obligatoriskt.
api-field-unknown-language = Språket känns inte igen: använd en ISO 639-1-kod ur Polkus språklista, t.ex. sv eller ar.
api-field-invalid = Värdet är inte giltigt.
api-field-syntax = JSON-koden är felaktig här.
api-field-duplicate = Den här identifieraren används redan.
api-field-unknown-id = Inget med den här identifieraren hittades.
api-field-limit = Talet ligger utanför det tillåtna intervallet.
api-field-cursor = Sidmarkören är inte giltig. Börja om från första sidan.
