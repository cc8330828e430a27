//! Pages of the reports area.

use crate::policy::Routes;

pub fn routes() -> Routes {
    Routes::new()
}
