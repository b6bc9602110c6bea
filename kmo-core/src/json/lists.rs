//! The lists of a document's tree: an object's fields and a list's items, each dropped by a
//! call of its own. The compiler's drop of a node, of its list and of the list's nodes was a
//! cycle it did not put in line, so every field's value was dropped through a call; this way
//! a node's drop calls nothing for a string, a number or a literal, and is in line in the loop
//! over a list. The builds for size (`--cfg kmo_size`) keep the plain lists, smaller.

#[cfg(not(kmo_size))]
use core::mem::ManuallyDrop;
use std::borrow::Cow;

use super::reader::Node;

/// A list of the tree, dropped by a call of its own.
#[cfg(not(kmo_size))]
type List<T> = ManuallyDrop<Vec<T>>;
/// A list of the tree.
#[cfg(kmo_size)]
type List<T> = Vec<T>;

#[cfg(not(kmo_size))]
fn list<T>(items: Vec<T>) -> List<T> {
    ManuallyDrop::new(items)
}

#[cfg(kmo_size)]
fn list<T>(items: Vec<T>) -> List<T> {
    items
}

/// An object's fields, each key once.
#[derive(Debug, Default, PartialEq)]
pub(crate) struct Fields<'a>(pub(crate) List<(Cow<'a, str>, Node<'a>)>);

/// A list's items.
#[derive(Debug, Default, PartialEq)]
pub(crate) struct Items<'a>(pub(crate) List<Node<'a>>);

impl<'a> Fields<'a> {
    pub(crate) fn new(fields: Vec<(Cow<'a, str>, Node<'a>)>) -> Fields<'a> {
        Fields(list(fields))
    }
}

impl<'a> Items<'a> {
    pub(crate) fn new(items: Vec<Node<'a>>) -> Items<'a> {
        Items(list(items))
    }
}

#[cfg(not(kmo_size))]
impl Drop for Fields<'_> {
    /// The fields taken out and dropped (the empty list left in their place owns nothing).
    #[inline(never)]
    fn drop(&mut self) {
        drop(core::mem::take(&mut *self.0));
    }
}

#[cfg(not(kmo_size))]
impl Drop for Items<'_> {
    /// The items taken out and dropped (the empty list left in their place owns nothing).
    #[inline(never)]
    fn drop(&mut self) {
        drop(core::mem::take(&mut *self.0));
    }
}
