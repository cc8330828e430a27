//! The ESCO concepts the demo data uses: 83 skills and 28 occupations picked from the ESCO
//! (v1.2, English) skill and occupation lists in `/work/shared/data/esco/`, grouped by the
//! sectors of the demo employers. Each line: key, sector, concept id, and the preferred English
//! label in a comment.

use super::sector::Sector;

#[rustfmt::skip]
pub const SKILLS: &[(&str, Sector, &str)] = &[
    ("clean_floors", Sector::Cleaning, "a2cd3b30-2d6c-473e-a5d4-4e7cb576babe"), // clean building floors
    ("clean_surfaces", Sector::Cleaning, "6ff01827-907d-43d8-b6e4-7162c1cf0aca"), // clean surfaces
    ("clean_rooms", Sector::Cleaning, "7bb01a18-4637-4535-ba18-258f48f705b8"), // clean rooms
    ("clean_toilets", Sector::Cleaning, "58a15a33-2b41-4a7e-bb8a-777328b5d82a"), // clean toilet facilities
    ("clean_glass", Sector::Cleaning, "d05ae693-dc7d-4073-8806-2782f117c24a"), // clean glass surfaces
    ("clean_public", Sector::Cleaning, "52eadbe6-db74-421a-a7f1-356567dc8248"), // clean public areas
    ("vacuum", Sector::Cleaning, "644617c8-fbe6-4755-b7f2-c3a623641e5b"), // vacuum surfaces
    ("cleaning_agents", Sector::Cleaning, "51a26193-9abe-4bce-9108-f50835be1c35"), // handle chemical cleaning agents
    ("floor_machine", Sector::Cleaning, "2ed98048-bf2f-47e5-a0de-fd23d6abe2f6"), // operate floor cleaning equipment
    ("maintain_cleaning_eq", Sector::Cleaning, "7b4bc709-5888-4f78-bbaf-fb760d4e2e4b"), // maintain cleaning equipment
    ("cleaning_duties", Sector::Cleaning, "4f1b6304-f54a-42f0-9604-5427a28d240f"), // perform cleaning duties
    ("wash_dishes", Sector::Kitchen, "c662be22-f17a-4ba0-894f-d720b20c44cf"), // wash the dishes
    ("dishwasher", Sector::Kitchen, "f20aedf0-6543-498d-b88e-0a32e604acbb"), // operate dishwashing machine
    ("clean_kitchen_eq", Sector::Kitchen, "9b31016e-c99d-4bd2-a550-d5660dac5041"), // clean kitchen equipment
    ("prep_vegetables", Sector::Kitchen, "73b97efd-49fe-49d7-89dd-444f870cd210"), // prepare vegetable products for use in a dish
    ("sandwiches", Sector::Kitchen, "493a1805-6caa-4cda-8fd3-6495ec8ea451"), // prepare sandwiches
    ("store_kitchen", Sector::Kitchen, "b1c87aa4-f4f8-4ca5-a844-c44516483b29"), // store kitchen supplies
    ("receive_kitchen", Sector::Kitchen, "341cf309-746c-4437-ad14-e0a0ee13eacc"), // receive kitchen supplies
    ("food_waste", Sector::Kitchen, "dacaebb5-5d85-4f3e-9adb-7c82b4f53189"), // dispose food waste
    ("food_hygiene", Sector::Kitchen, "0ff99f51-40d9-42f1-a1ec-377b2bb5e15f"), // comply with food safety and hygiene
    ("serve_food", Sector::Kitchen, "42a6eff0-e9d9-423d-877b-e48fe91ff26f"), // serve food in table service
    ("forklift", Sector::Warehouse, "28cb374e-6261-4133-8371-f9a5470145da"), // operate forklift
    ("pick_orders", Sector::Warehouse, "ee5e2297-39cc-4ed6-89e5-d58016118a7f"), // pick orders for dispatching
    ("pack_goods", Sector::Warehouse, "667cbbaf-f377-46d8-8f2d-1f6d8a55d74a"), // pack goods
    ("load_cargo", Sector::Warehouse, "048affec-04db-4bd5-b7a6-c666d16c0fef"), // load cargo
    ("unload_cargo", Sector::Warehouse, "042f91e3-cccc-4d51-b635-bb14ffe90cfc"), // unload cargo
    ("receive_goods", Sector::Warehouse, "2cae39d6-78c2-4ce3-bee8-628504371463"), // receive goods
    ("check_deliveries", Sector::Warehouse, "f7f56b20-8f05-4731-a1bf-79fdcffc72ce"), // check deliveries on receipt
    ("clean_warehouse", Sector::Warehouse, "a7a47148-732f-48bc-a7ce-18afe0d7f259"), // clean warehouse
    ("packages", Sector::Warehouse, "e1f2f22f-3248-4eb2-83a6-c6f7c4437c5c"), // handle delivered packages
    ("cash_register", Sector::Retail, "0cb013af-6dd9-4fb2-b34e-63dda1a5cf82"), // operate cash register
    ("assist_customers", Sector::Retail, "61970f8b-099c-4e7e-82e0-9ccdced0baf3"), // assist customers
    ("customer_service", Sector::Retail, "75dfe1ee-5935-42ce-b820-697f827825c3"), // maintain customer service
    ("stock_shelves", Sector::Retail, "7e9daad3-8604-4839-af9b-dc6f8db3ef68"), // stock shelves
    ("stock_rotation", Sector::Retail, "ca55d9dd-f177-45b6-a2ee-1a4695044b76"), // carry out stock rotation
    ("handle_returns", Sector::Retail, "bb127774-3166-4541-ad4c-cc3070fd93c5"), // handle returns
    ("bag_purchases", Sector::Retail, "bd2f7603-5e58-4d71-8f13-44c632782b02"), // package purchases in bags
    ("tend_elderly", Sector::Care, "261e740b-d32d-4356-94a8-3ea29128b70b"), // tend to elderly people
    ("accompany", Sector::Care, "ab89ad86-1098-44bb-9465-05af5624557c"), // accompany people
    ("special_needs", Sector::Care, "248951cc-3b10-447f-a4b2-0037e6e7a9ab"), // assist patients with special needs
    ("live_at_home", Sector::Care, "941438bd-cc03-4326-91bf-677157dca170"), // support social service users to live at home
    ("care_supervision", Sector::Care, "65a1c226-5d93-4fec-8a15-cb1b2ec4379f"), // work under supervision in care
    ("personal_hygiene", Sector::Care, "0e21e183-e787-4f23-a240-93b416c088c2"), // maintain personal hygiene standards
    ("welding_eq", Sector::Metal, "2fcd95a4-1f9a-41cf-95a9-4701bde476b4"), // operate welding equipment
    ("arc_welding", Sector::Metal, "27d26fd6-5795-4f0a-884e-112df7c68314"), // apply arc welding techniques
    ("grinding_tools", Sector::Metal, "e2992bda-8a68-4eae-b78a-697b07800334"), // operate grinding hand tools
    ("power_tools", Sector::Metal, "5bf7f85a-b080-4b27-8ddc-9f62af4643f5"), // use power tools
    ("blueprints", Sector::Metal, "68b6ef08-d823-489d-a95c-752ae6f6e6a7"), // read standard blueprints
    ("metal_work", Sector::Metal, "e53c1103-5d13-45f9-86d8-0b291a3eaa10"), // perform metal work
    ("deburring", Sector::Metal, "3e5ade3b-d5bc-46eb-aff4-7a2fa4257d09"), // tend deburring machine
    ("assemble_goods", Sector::Metal, "9db00bb4-4c59-45d2-8040-bbef63361f89"), // assemble goods
    ("landscape_site", Sector::Grounds, "d6f40152-c00d-44fa-a48f-55e39f08c14e"), // maintain landscape site
    ("landscaping_eq", Sector::Grounds, "69c865d1-39d6-48ae-b33f-75a7e9cc1811"), // operate landscaping equipment
    ("gardening_eq", Sector::Grounds, "b7cf2d84-6c43-4baa-98cf-816a27336701"), // maintain gardening equipment
    ("plant_plants", Sector::Grounds, "8ce4a4af-969b-4d1c-8bfe-891cff82f913"), // plant green plants
    ("plant_trees", Sector::Grounds, "a281365c-a432-4e82-97ce-2dcc4907685f"), // plant trees
    ("remove_snow", Sector::Grounds, "63dd281f-f980-4c0f-b0fc-eb13a679ae90"), // remove snow
    ("outdoor_cleaning", Sector::Grounds, "f17846ea-7278-4b92-808e-bddeb6122cbe"), // perform outdoor cleaning activities
    ("iron_textiles", Sector::Laundry, "562b1180-83e7-4041-8468-2f28d03b7893"), // iron textiles
    ("laundry_items", Sector::Laundry, "5ec3f184-8f2c-46a8-85cd-6931e6dc4877"), // collect items for laundry service
    ("linen_stock", Sector::Laundry, "627d72bd-8e1e-4382-8ec1-224044687d22"), // handle linen in stock
    ("linen_operation", Sector::Laundry, "59dbeac8-de39-4b55-8671-f11e6092abe8"), // maintain linen operation
    ("sort_textiles", Sector::Laundry, "8f15d53f-d793-42b8-a080-ad77cebcd6e6"), // sort textile items
    ("household_linens", Sector::Laundry, "288cca5e-5a5d-491a-b074-bcb31ee9fb7d"), // clean household linens
    ("file_documents", Sector::Office, "3d427a49-4f85-42cd-8a92-62d4a34f41a1"), // file documents
    ("clerical", Sector::Office, "ab986bc4-df92-4351-9ac1-aa75af943cf7"), // perform clerical duties
    ("collect_mail", Sector::Office, "3fc4af68-4d22-4be0-82d7-fa7267577612"), // collect mail
    ("deliver_mail", Sector::Office, "df1265b9-81fd-4a40-a746-f0442ffbf7ef"), // deliver correspondence
    ("digitise", Sector::Office, "367c240d-5f34-423a-86b1-866ad27206ea"), // digitise documents
    ("answer_calls", Sector::Office, "5a0bffcf-4ff6-49cf-a7db-4142e63f5f04"), // answer incoming calls
    ("telephone", Sector::Office, "de2f0ce8-f8d6-48c5-a213-4d065251cecf"), // communicate by telephone
    ("ms_office", Sector::Office, "f683ae1d-cb7c-4aa1-b9fe-205e1bd23535"), // use microsoft office
    ("teamwork", Sector::General, "60c78287-22eb-4103-9c8c-28deaa460da0"), // work in teams
    ("verbal_instr", Sector::General, "fc511e12-fe90-40a0-bec8-227abb5e4255"), // follow verbal instructions
    ("written_instr", Sector::General, "54d68400-9da3-4077-a7ee-52e68b390ef6"), // follow written instructions
    ("lift_heavy", Sector::General, "ab2bb44a-3956-4028-8715-8b70b1960b99"), // lift heavy weights
    ("ergonomics", Sector::General, "156f8c5b-894a-4ccc-a70e-37a2726f3f00"), // work ergonomically
    ("ppe", Sector::General, "51754b8a-3e2c-4cc1-86e6-cf510d9c6fe4"), // use personal protection equipment
    ("work_schedule", Sector::General, "194c05ed-253c-485a-8bf0-0c8de1aaafda"), // follow work schedule
    ("tidy_area", Sector::General, "5598739b-6718-4cff-8402-91d7f65b1505"), // maintain work area cleanliness
    ("sort_waste", Sector::General, "110d7aa3-e44e-4cce-a927-8d4de615f3d9"), // sort waste
    ("hand_tools", Sector::General, "7cd6de25-f691-4aac-81a2-a9d09b004b38"), // use hand tools
    ("drive", Sector::General, "2a82241a-216e-44d8-bb50-6b9a0ef82084"), // drive vehicles
];

#[rustfmt::skip]
pub const OCCUPATIONS: &[(&str, Sector, &str)] = &[
    ("building_cleaner", Sector::Cleaning, "303a1e34-cb16-4054-b323-81e5eec17397"), // building cleaner
    ("domestic_cleaner", Sector::Cleaning, "cbad55a4-c7cf-4ab6-9540-eac72b26729b"), // domestic cleaner
    ("window_cleaner", Sector::Cleaning, "92cba6b4-8fca-49bb-b68c-45c5096fedc9"), // window cleaner
    ("kitchen_assistant", Sector::Kitchen, "e1cf6897-158d-4b48-a39e-2a3a8cac216c"), // kitchen assistant
    ("kitchen_porter", Sector::Kitchen, "f756fdab-7726-4c48-bfcc-94ff8810fc08"), // kitchen porter
    ("food_service_worker", Sector::Kitchen, "b4bff870-5c8f-4c33-b07f-f04d79830633"), // food service worker
    ("warehouse_worker", Sector::Warehouse, "bea705fe-06ac-4147-b8e0-6e8ac1208d8f"), // warehouse worker
    ("order_picker", Sector::Warehouse, "cd94def5-3442-4c2e-ae3d-0761a3008bcb"), // warehouse order picker
    ("hand_packer", Sector::Warehouse, "f5cb9901-86fc-48d0-9cde-667fbe8cef3a"), // hand packer
    ("forklift_operator", Sector::Warehouse, "eeac6251-1974-42f5-91ed-513c6c883755"), // forklift operator
    ("shop_assistant", Sector::Retail, "0b15375e-dfdd-4047-9efb-096e0aaee7d2"), // shop assistant
    ("shelf_filler", Sector::Retail, "d35f9e79-5778-43b4-8667-0e3ba1fcb19a"), // shelf filler
    ("cashier", Sector::Retail, "2b871272-bd61-4206-bd1a-0b96d7023098"), // cashier
    ("healthcare_assistant", Sector::Care, "d38c2107-98f2-47b7-8bb4-f69750d51082"), // healthcare assistant
    ("social_care_worker", Sector::Care, "8d703e8f-1e57-4246-8a6b-cb87a760d4ab"), // social care worker
    ("home_care_aide", Sector::Care, "1391bdf9-bd61-4fb5-91ca-c29036ab2b60"), // home care aide
    ("care_home_worker", Sector::Care, "f4525ed8-54eb-4a3b-90db-55cc01b0d9fd"), // care home worker
    ("welder", Sector::Metal, "7aedaa07-3884-4c5b-88f9-80997b2aa54b"), // welder
    ("metal_assembler", Sector::Metal, "af2f3615-63ab-44dc-957d-c9660410d336"), // metal products assembler
    ("sheet_metal_worker", Sector::Metal, "572c9810-e1ee-4f7a-a71f-820f17c0c25b"), // sheet metal worker
    ("groundskeeper", Sector::Grounds, "a48b9a5a-5ded-482d-8cda-7fd097a32c16"), // groundsman/groundswoman
    ("landscape_gardener", Sector::Grounds, "e7970c7a-7769-4002-87d3-0a8ea94fdd6f"), // landscape gardener
    ("laundry_worker", Sector::Laundry, "0da51178-e386-4534-ae71-15ba789ad756"), // laundry worker
    ("laundry_ironer", Sector::Laundry, "3d924c0d-ffee-4f11-adc7-c2bfb76fcf73"), // laundry ironer
    ("linen_attendant", Sector::Laundry, "15ab8475-549d-48a7-9d4a-5bb310015312"), // linen room attendant
    ("office_clerk", Sector::Office, "6c999fc7-c6b7-4ef3-a4b9-af124a1783a2"), // office clerk
    ("mail_clerk", Sector::Office, "511f366c-ba41-4826-9622-8cda6d6e3b91"), // mail clerk
    ("admin_assistant", Sector::Office, "044d78cc-f62f-4532-83a5-8e04f2889652"), // administrative assistant
];
