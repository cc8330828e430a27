//! Pages of the admin area.

use crate::policy::Routes;

pub fn routes() -> Routes {
    Routes::new()
}
