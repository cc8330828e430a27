//! Pages of the employers area.

use crate::policy::Routes;

pub fn routes() -> Routes {
    Routes::new()
}
