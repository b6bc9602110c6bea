//! Identifiers parsed at the edge: service-provider numbers, Belgian enterprise numbers and
//! NACE-BEL activity codes. Each parser is tolerant in what it reads and strict in what it
//! accepts, and returns the canonical form.

pub mod enterprise_number;
pub mod nace;
pub mod provider;

pub use enterprise_number::EnterpriseNumber;
pub use nace::NaceCode;
pub use provider::ProviderNumber;
