//! The `catalog!` macro: one declaration of the catalog's groups and fields gives the
//! structs (so each language's file must fill every field), and their [`crate::Entry`]
//! implementations (so a catalog can be written to a pack and read back in one fixed order).

/// Declares `Catalog` and its groups:
///
/// ```text
/// catalog! {
///     /// Doc of the group.
///     start: Start {
///         /// Doc of the field.
///         title: S,
///         criteria: Plural,
///     }
/// }
/// ```
macro_rules! catalog {
    (
        $(
            $(#[doc = $gdoc:literal])*
            $group:ident: $Group:ident {
                $( $(#[doc = $fdoc:literal])* $field:ident: $Ty:ty, )*
            }
        )*
    ) => {
        /// The words of sovcheck in one language, grouped by screen and layer.
        #[derive(Debug)]
        pub struct Catalog {
            $( $(#[doc = $gdoc])* pub $group: $Group, )*
        }

        impl $crate::Entry for Catalog {
            const LEN: usize = 0 $( + <$Group as $crate::Entry>::LEN )*;
            const EMPTY: Self = Catalog { $( $group: <$Group as $crate::Entry>::EMPTY, )* };
            fn walk(&self, _name: &str, f: &mut dyn FnMut(&str, $crate::S)) {
                $( $crate::Entry::walk(&self.$group, stringify!($group), f); )*
            }
            fn read(it: &mut dyn Iterator<Item = $crate::S>) -> Option<Self> {
                Some(Catalog { $( $group: <$Group as $crate::Entry>::read(it)?, )* })
            }
            fn map(&self, f: &mut dyn FnMut($crate::S) -> $crate::S) -> Self {
                Catalog { $( $group: $crate::Entry::map(&self.$group, f), )* }
            }
        }

        $(
            $(#[doc = $gdoc])*
            #[derive(Debug)]
            pub struct $Group {
                $( $(#[doc = $fdoc])* pub $field: $Ty, )*
            }

            impl $crate::Entry for $Group {
                const LEN: usize = 0 $( + <$Ty as $crate::Entry>::LEN )*;
                const EMPTY: Self = $Group { $( $field: <$Ty as $crate::Entry>::EMPTY, )* };
                fn walk(&self, name: &str, f: &mut dyn FnMut(&str, $crate::S)) {
                    $( $crate::Entry::walk(
                        &self.$field,
                        &format!("{name}.{}", stringify!($field)),
                        f,
                    ); )*
                }
                fn read(it: &mut dyn Iterator<Item = $crate::S>) -> Option<Self> {
                    Some($Group { $( $field: <$Ty as $crate::Entry>::read(it)?, )* })
                }
                fn map(&self, f: &mut dyn FnMut($crate::S) -> $crate::S) -> Self {
                    $Group { $( $field: $crate::Entry::map(&self.$field, f), )* }
                }
            }
        )*
    };
}
