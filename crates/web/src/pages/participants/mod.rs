//! Pages of the participants area.

use crate::policy::Routes;

pub fn routes() -> Routes {
    Routes::new()
}
