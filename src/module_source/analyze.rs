//! Pass 1: parse an ES module with swc and reduce it to the facts the rewrite needs.
//!
//! input:  module source text (UTF-8; swc positions are byte offsets, base 1)
//! output: `Ir` — the top-level import/export/declaration items in source order with
//!         the byte spans the rewrite edits, the spans of `import.meta` and `import(…)`,
//!         and the set of exported locals that are reassigned anywhere (resolved through
//!         scopes, the way Babel's `Binding.constant` sees them); or a `Failure`
//!         (syntax error, reserved hidden identifier).
//!
//! Nothing here decides how the output looks; `rewrite.rs` plans edits from the IR.

use std::collections::{HashMap, HashSet};
use std::hash::BuildHasherDefault;

use rustc_hash::FxHasher;

/// Maps and sets keyed by atoms. An atom carries the hash that swc's interner computed
/// for its text (FxHash, unkeyed), and hashing an atom writes that number: a keyed
/// hasher on top cannot separate atoms whose interner hashes collide, so it would buy
/// no resistance to crafted collisions, only cost. Other keys keep the std hasher.
pub type AtomMap<V> = HashMap<Atom, V, BuildHasherDefault<FxHasher>>;
pub type AtomSet = HashSet<Atom, BuildHasherDefault<FxHasher>>;

use swc_atoms::{Atom, Wtf8Atom};
use swc_common::{BytePos, Spanned};
use swc_ecma_ast::*;
use swc_ecma_parser::{lexer::Lexer, EsSyntax, Parser, StringInput, Syntax};
use swc_ecma_visit::{Visit, VisitWith};

use super::hidden::reserved_message;
use super::stack::grow;

/// swc reserves `BytePos(0)` for "no position"; the source starts at 1.
const BASE: u32 = 1;

#[inline]
fn off(p: BytePos) -> u32 {
    p.0.saturating_sub(BASE)
}

/// A failure to analyze, positioned at a byte offset.
pub struct Failure {
    pub message: String,
    pub pos: u32,
    /// Whether `message` should be followed by ` (line:column)` (syntax errors are,
    /// reserved-name errors are not, matching upstream).
    pub with_position: bool,
}

/// The name on one side of an import or export specifier. Babel reads `.name`, which a
/// string-literal name does not have, so such names behave as `undefined`.
#[derive(Clone, Debug)]
pub enum SpecName {
    Ident(Atom),
    Star,
    Default,
    StringLiteral,
}

#[derive(Clone, Debug)]
pub struct BindingId {
    pub name: Atom,
    pub lo: u32,
    pub hi: u32,
    /// A shorthand property of an object pattern (`{ a }`, `{ a = 1 }`): renaming it
    /// must spell out the key.
    pub shorthand: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DeclKind {
    Var,
    Let,
    Const,
    Using,
    Function,
    Class,
}

#[derive(Debug)]
pub enum Item {
    Import {
        lo: u32,
        hi: u32,
        spec: Wtf8Atom,
        /// (imported name, local name)
        specifiers: Vec<(SpecName, Atom)>,
    },
    ExportAll {
        lo: u32,
        hi: u32,
        spec: Wtf8Atom,
    },
    ExportNamed {
        lo: u32,
        hi: u32,
        spec: Option<Wtf8Atom>,
        /// (local or imported name, exported name)
        specifiers: Vec<(SpecName, SpecName)>,
    },
    ExportDefaultExpr {
        lo: u32,
        expr_lo: u32,
        expr_hi: u32,
        hi: u32,
    },
    ExportDefaultDecl {
        lo: u32,
        decl_lo: u32,
        decl_hi: u32,
        id: Option<Atom>,
        /// Span of the declaration's name, when it has one.
        id_span: (u32, u32),
        is_class: bool,
    },
    /// A top-level declaration statement, exported (`export_kw`) or not.
    Decl {
        export_kw: Option<u32>,
        kind: DeclKind,
        ids: Vec<BindingId>,
        hi: u32,
    },
}

pub struct Ir {
    pub items: Vec<Item>,
    pub hashbang: bool,
    /// Spans of `import.meta`.
    pub metas: Vec<(u32, u32)>,
    /// Spans of the `import` keyword of `import(…)` calls.
    pub dynamic_imports: Vec<(u32, u32)>,
    /// Exported locals with an assignment, update or redeclaration that resolves to
    /// their top-level binding.
    pub reassigned: AtomSet,
    /// Top-level functions that declare their own name inside (a parameter, `var`,
    /// ...). Babel reads such a function's constancy from its own scope, so the inner
    /// binding decides: the names here are those whose inner binding is reassigned.
    pub self_scoped: AtomMap<bool>,
    /// Every identifier the module spells (bindings and references, cooked), once
    /// each, in order of appearance: a superset of the names its code can look up in
    /// the scopes around it.
    pub names: Vec<Atom>,
    /// Locals of `import * as x` that the module never names again: nothing can read
    /// them, so the loader need not hand them the namespace (see rewrite.rs).
    pub unread_star_locals: AtomSet,
}

fn syntax() -> Syntax {
    Syntax::Es(EsSyntax {
        // Babel 7.28 parses import attributes by default; everything else stays off
        // (JSX, decorators, `export v from`), as it does for Babel without plugins.
        import_attributes: true,
        explicit_resource_management: true,
        ..Default::default()
    })
}

/// Parse and analyze. Callers run this within `stack::with_stack(parse_stack_for(..))`.
pub fn analyze(source: &str) -> Result<Ir, Failure> {
    let len = source.len() as u32;
    let input = StringInput::new(source, BytePos(BASE), BytePos(BASE + len));
    let lexer = Lexer::new(syntax(), EsVersion::EsNext, input, None);
    let mut parser = Parser::new_from(lexer);
    let parsed = parser.parse_module();
    let mut errors = parser.take_errors();
    let module = match parsed {
        Ok(m) => m,
        Err(e) => {
            errors.push(e);
            return Err(first_error(errors));
        }
    };
    if !errors.is_empty() {
        return Err(first_error(errors));
    }
    // The tree is dropped here, on the stack reserved from the source's token bound
    // (stack.rs): every token that can add a tree level is counted there, at more bytes
    // per level than a drop frame takes.
    analyze_module(&module)
}

fn first_error(errors: Vec<swc_ecma_parser::error::Error>) -> Failure {
    let mut best: Option<(u32, String)> = None;
    for e in errors {
        let pos = off(e.span().lo);
        if best.as_ref().is_none_or(|(p, _)| pos < *p) {
            best = Some((pos, e.kind().msg().into_owned()));
        }
    }
    let (pos, message) = best.unwrap_or((0, "Syntax error".into()));
    Failure { message, pos, with_position: true }
}

fn str_of(s: &Str) -> Wtf8Atom {
    s.value.clone()
}

fn spec_name(n: &ModuleExportName) -> SpecName {
    match n {
        ModuleExportName::Ident(i) => SpecName::Ident(i.sym.clone()),
        _ => SpecName::StringLiteral,
    }
}

/// Identifiers bound by a pattern, in source order (Babel's collectPatternIdentifiers).
pub fn pattern_ids(pat: &Pat, out: &mut Vec<BindingId>) {
    grow(|| match pat {
        Pat::Ident(b) => out.push(BindingId {
            name: b.id.sym.clone(),
            lo: off(b.id.span.lo),
            hi: off(b.id.span.hi),
            shorthand: false,
        }),
        Pat::Array(a) => {
            for e in a.elems.iter().flatten() {
                pattern_ids(e, out);
            }
        }
        Pat::Rest(r) => pattern_ids(&r.arg, out),
        Pat::Object(o) => {
            for p in &o.props {
                match p {
                    ObjectPatProp::KeyValue(kv) => pattern_ids(&kv.value, out),
                    ObjectPatProp::Assign(a) => out.push(BindingId {
                        name: a.key.id.sym.clone(),
                        lo: off(a.key.id.span.lo),
                        hi: off(a.key.id.span.hi),
                        shorthand: true,
                    }),
                    ObjectPatProp::Rest(r) => pattern_ids(&r.arg, out),
                }
            }
        }
        Pat::Assign(a) => pattern_ids(&a.left, out),
        _ => {}
    })
}

/// Names bound by a pattern (no positions).
fn pattern_names(pat: &Pat, f: &mut dyn FnMut(&Atom)) {
    grow(|| match pat {
        Pat::Ident(b) => f(&b.id.sym),
        Pat::Array(a) => array_pattern_names(a, f),
        Pat::Rest(r) => pattern_names(&r.arg, f),
        Pat::Object(o) => object_pattern_names(o, f),
        Pat::Assign(a) => pattern_names(&a.left, f),
        _ => {}
    })
}

fn array_pattern_names(a: &ArrayPat, f: &mut dyn FnMut(&Atom)) {
    for e in a.elems.iter().flatten() {
        pattern_names(e, f);
    }
}

fn object_pattern_names(o: &ObjectPat, f: &mut dyn FnMut(&Atom)) {
    for p in &o.props {
        match p {
            ObjectPatProp::KeyValue(kv) => pattern_names(&kv.value, f),
            ObjectPatProp::Assign(a) => f(&a.key.id.sym),
            ObjectPatProp::Rest(r) => pattern_names(&r.arg, f),
        }
    }
}

fn var_decl_kind(v: &VarDecl) -> DeclKind {
    match v.kind {
        VarDeclKind::Var => DeclKind::Var,
        VarDeclKind::Let => DeclKind::Let,
        VarDeclKind::Const => DeclKind::Const,
    }
}

/// `var` names declared by a statement, not looking into nested functions.
fn var_names(stmt: &Stmt, f: &mut dyn FnMut(&Atom)) {
    grow(|| match stmt {
        Stmt::Decl(Decl::Var(v)) if v.kind == VarDeclKind::Var => {
            for d in &v.decls {
                pattern_names(&d.name, f);
            }
        }
        Stmt::Block(b) => {
            for s in &b.stmts {
                var_names(s, f);
            }
        }
        Stmt::If(i) => {
            var_names(&i.cons, f);
            if let Some(alt) = &i.alt {
                var_names(alt, f);
            }
        }
        Stmt::For(s) => {
            if let Some(VarDeclOrExpr::VarDecl(v)) = &s.init {
                if v.kind == VarDeclKind::Var {
                    for d in &v.decls {
                        pattern_names(&d.name, f);
                    }
                }
            }
            var_names(&s.body, f);
        }
        Stmt::ForIn(s) => {
            for_head_var_names(&s.left, f);
            var_names(&s.body, f);
        }
        Stmt::ForOf(s) => {
            for_head_var_names(&s.left, f);
            var_names(&s.body, f);
        }
        Stmt::While(s) => var_names(&s.body, f),
        Stmt::DoWhile(s) => var_names(&s.body, f),
        Stmt::Labeled(s) => var_names(&s.body, f),
        Stmt::With(s) => var_names(&s.body, f),
        Stmt::Try(t) => {
            for s in &t.block.stmts {
                var_names(s, f);
            }
            if let Some(h) = &t.handler {
                for s in &h.body.stmts {
                    var_names(s, f);
                }
            }
            if let Some(fin) = &t.finalizer {
                for s in &fin.stmts {
                    var_names(s, f);
                }
            }
        }
        Stmt::Switch(s) => {
            for c in &s.cases {
                for s in &c.cons {
                    var_names(s, f);
                }
            }
        }
        _ => {}
    })
}

fn for_head_var_names(h: &ForHead, f: &mut dyn FnMut(&Atom)) {
    if let ForHead::VarDecl(v) = h {
        if v.kind == VarDeclKind::Var {
            for d in &v.decls {
                pattern_names(&d.name, f);
            }
        }
    }
}

/// Lexically scoped names declared directly in a statement list (strict mode: function
/// declarations in blocks are lexical).
fn lexical_names(stmts: &[Stmt], f: &mut dyn FnMut(&Atom)) {
    for s in stmts {
        if let Stmt::Decl(d) = s {
            match d {
                Decl::Var(v) if v.kind != VarDeclKind::Var => {
                    for d in &v.decls {
                        pattern_names(&d.name, f);
                    }
                }
                Decl::Using(u) => {
                    for d in &u.decls {
                        pattern_names(&d.name, f);
                    }
                }
                Decl::Fn(fd) => f(&fd.ident.sym),
                Decl::Class(c) => f(&c.ident.sym),
                _ => {}
            }
        }
    }
}

fn decl_item(decl: &Decl, export_kw: Option<u32>) -> Result<Option<Item>, Failure> {
    Ok(Some(match decl {
        Decl::Var(v) => {
            let mut ids = Vec::new();
            for d in &v.decls {
                pattern_ids(&d.name, &mut ids);
            }
            Item::Decl { export_kw, kind: var_decl_kind(v), ids, hi: off(v.span.hi) }
        }
        Decl::Using(u) => {
            let mut ids = Vec::new();
            for d in &u.decls {
                pattern_ids(&d.name, &mut ids);
            }
            Item::Decl { export_kw, kind: DeclKind::Using, ids, hi: off(u.span.hi) }
        }
        Decl::Fn(f) => Item::Decl {
            export_kw,
            kind: DeclKind::Function,
            ids: vec![BindingId {
                name: f.ident.sym.clone(),
                lo: off(f.ident.span.lo),
                hi: off(f.ident.span.hi),
                shorthand: false,
            }],
            hi: off(f.function.span.hi),
        },
        Decl::Class(c) => Item::Decl {
            export_kw,
            kind: DeclKind::Class,
            ids: vec![BindingId {
                name: c.ident.sym.clone(),
                lo: off(c.ident.span.lo),
                hi: off(c.ident.span.hi),
                shorthand: false,
            }],
            hi: off(c.class.span.hi),
        },
        _ => {
            return Err(Failure {
                message: "Unexpected token".into(),
                pos: off(decl.span().lo),
                with_position: true,
            })
        }
    }))
}

fn unsupported(pos: BytePos) -> Failure {
    Failure { message: "Unexpected token".into(), pos: off(pos), with_position: true }
}

/// Top-level items in source order.
fn collect_items(module: &Module) -> Result<Vec<Item>, Failure> {
    let mut items = Vec::new();
    for item in &module.body {
        match item {
            ModuleItem::ModuleDecl(d) => match d {
                ModuleDecl::Import(i) => {
                    if i.type_only || i.phase != ImportPhase::Evaluation {
                        return Err(unsupported(i.span.lo));
                    }
                    let mut specifiers = Vec::with_capacity(i.specifiers.len());
                    for s in &i.specifiers {
                        match s {
                            ImportSpecifier::Named(n) => {
                                let from = match &n.imported {
                                    Some(name) => spec_name(name),
                                    None => SpecName::Ident(n.local.sym.clone()),
                                };
                                specifiers.push((from, n.local.sym.clone()));
                            }
                            ImportSpecifier::Default(d) => {
                                specifiers.push((SpecName::Default, d.local.sym.clone()))
                            }
                            ImportSpecifier::Namespace(ns) => {
                                specifiers.push((SpecName::Star, ns.local.sym.clone()))
                            }
                        }
                    }
                    items.push(Item::Import {
                        lo: off(i.span.lo),
                        hi: off(i.span.hi),
                        spec: str_of(&i.src),
                        specifiers,
                    });
                }
                ModuleDecl::ExportAll(a) => items.push(Item::ExportAll {
                    lo: off(a.span.lo),
                    hi: off(a.span.hi),
                    spec: str_of(&a.src),
                }),
                ModuleDecl::ExportNamed(n) => {
                    let mut specifiers = Vec::with_capacity(n.specifiers.len());
                    for s in &n.specifiers {
                        match s {
                            ExportSpecifier::Named(e) => {
                                let local = spec_name(&e.orig);
                                let exported = match &e.exported {
                                    Some(x) => spec_name(x),
                                    None => local.clone(),
                                };
                                specifiers.push((local, exported));
                            }
                            ExportSpecifier::Namespace(ns) => {
                                specifiers.push((SpecName::Star, spec_name(&ns.name)))
                            }
                            ExportSpecifier::Default(_) => return Err(unsupported(n.span.lo)),
                        }
                    }
                    items.push(Item::ExportNamed {
                        lo: off(n.span.lo),
                        hi: off(n.span.hi),
                        spec: n.src.as_deref().map(str_of),
                        specifiers,
                    });
                }
                ModuleDecl::ExportDecl(e) => {
                    if let Some(it) = decl_item(&e.decl, Some(off(e.span.lo)))? {
                        items.push(it);
                    }
                }
                ModuleDecl::ExportDefaultExpr(e) => {
                    let es = e.expr.span();
                    items.push(Item::ExportDefaultExpr {
                        lo: off(e.span.lo),
                        expr_lo: off(es.lo),
                        expr_hi: off(es.hi),
                        hi: off(e.span.hi),
                    });
                }
                ModuleDecl::ExportDefaultDecl(e) => match &e.decl {
                    DefaultDecl::Fn(f) => items.push(Item::ExportDefaultDecl {
                        lo: off(e.span.lo),
                        decl_lo: off(f.function.span.lo),
                        decl_hi: off(f.function.span.hi),
                        id: f.ident.as_ref().map(|i| i.sym.clone()),
                        id_span: f.ident.as_ref().map_or((0, 0), |i| (off(i.span.lo), off(i.span.hi))),
                        is_class: false,
                    }),
                    DefaultDecl::Class(c) => items.push(Item::ExportDefaultDecl {
                        lo: off(e.span.lo),
                        decl_lo: off(c.class.span.lo),
                        decl_hi: off(c.class.span.hi),
                        id: c.ident.as_ref().map(|i| i.sym.clone()),
                        id_span: c.ident.as_ref().map_or((0, 0), |i| (off(i.span.lo), off(i.span.hi))),
                        is_class: true,
                    }),
                    _ => return Err(unsupported(e.span.lo)),
                },
                _ => return Err(unsupported(d.span().lo)),
            },
            ModuleItem::Stmt(Stmt::Decl(d)) => {
                if let Some(it) = decl_item(d, None)? {
                    items.push(it);
                }
            }
            ModuleItem::Stmt(_) => {}
        }
    }
    Ok(items)
}

/// The early errors Babel reports about exports and swc does not: an export name used
/// twice, and a local export of a name the module does not declare.
fn check_exports(module: &Module) -> Result<(), Failure> {
    let mut exported: HashSet<String> = HashSet::new();
    let mut add = |name: String, pos: BytePos| -> Result<(), Failure> {
        if exported.insert(name.clone()) {
            return Ok(());
        }
        let message = if name == "default" {
            "Only one default export allowed per module.".to_string()
        } else {
            format!("`{name}` has already been exported. Exported identifiers must be unique.")
        };
        Err(Failure { message, pos: off(pos), with_position: true })
    };
    let name_of = |n: &ModuleExportName| -> (String, BytePos) {
        match n {
            ModuleExportName::Ident(i) => (i.sym.to_string(), i.span.lo),
            ModuleExportName::Str(s) => (s.value.to_string_lossy().into_owned(), s.span.lo),
            #[allow(unreachable_patterns)]
            _ => (String::new(), n.span().lo),
        }
    };
    let mut local_exports: Vec<(Atom, BytePos)> = Vec::new();
    let mut declared = AtomSet::default();
    for item in &module.body {
        match item {
            ModuleItem::ModuleDecl(d) => match d {
                ModuleDecl::Import(i) => {
                    for s in &i.specifiers {
                        declared.insert(s.local().sym.clone());
                    }
                }
                ModuleDecl::ExportDecl(e) => {
                    let mut ids = Vec::new();
                    match &e.decl {
                        Decl::Var(v) => {
                            for d in &v.decls {
                                pattern_ids(&d.name, &mut ids);
                            }
                        }
                        Decl::Fn(f) => ids.push(BindingId {
                            name: f.ident.sym.clone(),
                            lo: off(f.ident.span.lo),
                            hi: 0,
                            shorthand: false,
                        }),
                        Decl::Class(c) => ids.push(BindingId {
                            name: c.ident.sym.clone(),
                            lo: off(c.ident.span.lo),
                            hi: 0,
                            shorthand: false,
                        }),
                        _ => {}
                    }
                    for id in ids {
                        add(id.name.to_string(), BytePos(id.lo + BASE))?;
                    }
                }
                ModuleDecl::ExportNamed(n) => {
                    for spec in &n.specifiers {
                        match spec {
                            ExportSpecifier::Named(e) => {
                                let (name, pos) = name_of(e.exported.as_ref().unwrap_or(&e.orig));
                                add(name, pos)?;
                                if n.src.is_none() {
                                    if let ModuleExportName::Ident(i) = &e.orig {
                                        local_exports.push((i.sym.clone(), i.span.lo));
                                    }
                                }
                            }
                            ExportSpecifier::Namespace(ns) => {
                                let (name, pos) = name_of(&ns.name);
                                add(name, pos)?;
                            }
                            _ => {}
                        }
                    }
                }
                ModuleDecl::ExportDefaultDecl(e) => add("default".into(), e.span.lo)?,
                ModuleDecl::ExportDefaultExpr(e) => add("default".into(), e.span.lo)?,
                _ => {}
            },
            ModuleItem::Stmt(_) => {}
        }
    }
    if local_exports.is_empty() {
        return Ok(());
    }
    for item in &module.body {
        let stmt_decl = match item {
            ModuleItem::Stmt(s) => {
                var_names(s, &mut |n| {
                    declared.insert(n.clone());
                });
                match s {
                    Stmt::Decl(d) => Some(d),
                    _ => None,
                }
            }
            ModuleItem::ModuleDecl(ModuleDecl::ExportDecl(e)) => Some(&e.decl),
            _ => None,
        };
        if let Some(d) = stmt_decl {
            match d {
                Decl::Var(v) => {
                    for d in &v.decls {
                        pattern_names(&d.name, &mut |n| {
                            declared.insert(n.clone());
                        });
                    }
                }
                Decl::Using(u) => {
                    for d in &u.decls {
                        pattern_names(&d.name, &mut |n| {
                            declared.insert(n.clone());
                        });
                    }
                }
                Decl::Fn(f) => {
                    declared.insert(f.ident.sym.clone());
                }
                Decl::Class(c) => {
                    declared.insert(c.ident.sym.clone());
                }
                _ => {}
            }
        }
        if let ModuleItem::ModuleDecl(ModuleDecl::ExportDefaultDecl(e)) = item {
            let id = match &e.decl {
                DefaultDecl::Fn(f) => f.ident.as_ref(),
                DefaultDecl::Class(c) => c.ident.as_ref(),
                _ => None,
            };
            if let Some(i) = id {
                declared.insert(i.sym.clone());
            }
        }
    }
    for (name, pos) in local_exports {
        if !declared.contains(&name) {
            return Err(Failure {
                message: format!("Export '{name}' is not defined."),
                pos: off(pos),
                with_position: true,
            });
        }
    }
    Ok(())
}

/// Module-scope redeclarations, which swc leaves to the engine: a lexical name
/// (import, `let`, `const`, `class`, `function`) declared twice, or also by `var`.
fn check_top_level_declarations(module: &Module) -> Result<(), Failure> {
    // name -> declared lexically?
    let mut seen: AtomMap<bool> = AtomMap::default();
    let mut declare = |name: &Atom, lexical: bool, pos: BytePos| -> Result<(), Failure> {
        match seen.get(name) {
            Some(&was_lexical) if lexical || was_lexical => Err(Failure {
                message: format!("Identifier '{name}' has already been declared."),
                pos: off(pos),
                with_position: true,
            }),
            Some(_) => Ok(()),
            None => {
                seen.insert(name.clone(), lexical);
                Ok(())
            }
        }
    };
    let decl = |d: &Decl, declare: &mut dyn FnMut(&Atom, bool, BytePos) -> Result<(), Failure>| -> Result<(), Failure> {
        match d {
            Decl::Var(v) => {
                let lexical = v.kind != VarDeclKind::Var;
                let mut ids = Vec::new();
                for d in &v.decls {
                    pattern_ids(&d.name, &mut ids);
                }
                for id in ids {
                    declare(&id.name, lexical, BytePos(id.lo + BASE))?;
                }
            }
            Decl::Using(u) => {
                let mut ids = Vec::new();
                for d in &u.decls {
                    pattern_ids(&d.name, &mut ids);
                }
                for id in ids {
                    declare(&id.name, true, BytePos(id.lo + BASE))?;
                }
            }
            Decl::Fn(f) => declare(&f.ident.sym, true, f.ident.span.lo)?,
            Decl::Class(c) => declare(&c.ident.sym, true, c.ident.span.lo)?,
            _ => {}
        }
        Ok(())
    };
    for item in &module.body {
        match item {
            ModuleItem::ModuleDecl(ModuleDecl::Import(i)) => {
                for s in &i.specifiers {
                    let l = s.local();
                    declare(&l.sym, true, l.span.lo)?;
                }
            }
            ModuleItem::ModuleDecl(ModuleDecl::ExportDecl(e)) => decl(&e.decl, &mut declare)?,
            ModuleItem::ModuleDecl(ModuleDecl::ExportDefaultDecl(e)) => {
                let id = match &e.decl {
                    DefaultDecl::Fn(f) => f.ident.as_ref(),
                    DefaultDecl::Class(c) => c.ident.as_ref(),
                    _ => None,
                };
                if let Some(i) = id {
                    declare(&i.sym, true, i.span.lo)?;
                }
            }
            ModuleItem::Stmt(Stmt::Decl(d)) => decl(d, &mut declare)?,
            ModuleItem::Stmt(st) => {
                // `var`s nested in top-level blocks and loops belong to the module scope.
                let mut names = Vec::new();
                var_names(st, &mut |n| names.push(n.clone()));
                let pos = st.span().lo;
                for n in &names {
                    declare(n, false, pos)?;
                }
            }
            _ => {}
        }
    }
    Ok(())
}

fn analyze_module(module: &Module) -> Result<Ir, Failure> {
    check_top_level_declarations(module)?;
    check_exports(module)?;
    let items = collect_items(module)?;

    // Locals that may end up exported: the only names whose reassignment matters.
    let mut candidates = AtomSet::default();
    for item in &items {
        match item {
            Item::Decl { export_kw: Some(_), ids, .. } => {
                for id in ids {
                    candidates.insert(id.name.clone());
                }
            }
            Item::ExportNamed { spec: None, specifiers, .. } => {
                for (local, _) in specifiers {
                    if let SpecName::Ident(n) = local {
                        candidates.insert(n.clone());
                    }
                }
            }
            Item::ExportDefaultDecl { id: Some(n), .. } => {
                candidates.insert(n.clone());
            }
            _ => {}
        }
    }

    let mut walker = Walker {
        candidates: &candidates,
        track: !candidates.is_empty(),
        shadow: AtomMap::default(),
        pushed: Vec::new(),
        reassigned: AtomSet::default(),
        metas: Vec::new(),
        dynamic_imports: Vec::new(),
        failure: None,
        self_scoped_fns: HashMap::new(),
        self_scoped: AtomMap::default(),
        marker: None,
        names: Vec::new(),
        seen_names: AtomSet::default(),
        star_locals: AtomMap::default(),
    };
    for item in &items {
        if let Item::Import { specifiers, .. } = item {
            for (from, local) in specifiers {
                if matches!(from, SpecName::Star) {
                    walker.star_locals.insert(local.clone(), 0);
                }
            }
        }
    }

    if walker.track {
        for item in &module.body {
            let f = match item {
                ModuleItem::Stmt(Stmt::Decl(Decl::Fn(f))) => f,
                ModuleItem::ModuleDecl(ModuleDecl::ExportDecl(ExportDecl { decl: Decl::Fn(f), .. })) => f,
                _ => continue,
            };
            if candidates.contains(&f.ident.sym) {
                walker.self_scoped_fns.insert(f.function.span.lo.0, f.ident.sym.clone());
            }
        }
    }

    if walker.track {
        // A top-level `var` declared twice is a reassignment for Babel.
        let mut counts: AtomMap<u32> = AtomMap::default();
        let mut count = |n: &Atom| {
            if candidates.contains(n) {
                *counts.entry(n.clone()).or_insert(0) += 1;
            }
        };
        for item in &module.body {
            match item {
                ModuleItem::Stmt(s) => var_names(s, &mut count),
                ModuleItem::ModuleDecl(ModuleDecl::ExportDecl(ExportDecl {
                    decl: Decl::Var(v),
                    ..
                })) if v.kind == VarDeclKind::Var => {
                    for d in &v.decls {
                        pattern_names(&d.name, &mut count);
                    }
                }
                _ => {}
            }
        }
        for (n, c) in counts {
            if c > 1 {
                walker.reassigned.insert(n);
            }
        }
    }

    module.visit_with(&mut walker);
    if let Some(f) = walker.failure {
        return Err(f);
    }
    // The walk meets each local once in its own import specifier: any other identifier
    // spelling it (a reference, a shadowing declaration, an export of it) counts as a
    // read, which errs on the side of handing the namespace over.
    let unread_star_locals = walker.star_locals.iter().filter(|(_, n)| **n <= 1).map(|(k, _)| k.clone()).collect();
    Ok(Ir {
        items,
        hashbang: module.shebang.is_some(),
        metas: walker.metas,
        dynamic_imports: walker.dynamic_imports,
        reassigned: walker.reassigned,
        self_scoped: walker.self_scoped,
        names: walker.names,
        unread_star_locals,
    })
}

/// One walk over the whole tree: reserved names, `import.meta`, `import(…)`, and
/// assignments to exported locals that are not shadowed where they happen.
struct Walker<'a> {
    candidates: &'a AtomSet,
    track: bool,
    /// How many enclosing scopes declare each candidate name.
    shadow: AtomMap<u32>,
    pushed: Vec<Atom>,
    reassigned: AtomSet,
    metas: Vec<(u32, u32)>,
    dynamic_imports: Vec<(u32, u32)>,
    failure: Option<Failure>,
    /// Span start of top-level candidate functions -> their name.
    self_scoped_fns: HashMap<u32, Atom>,
    self_scoped: AtomMap<bool>,
    /// Inside such a function that declares its own name: (name, shadow level of the
    /// inner binding).
    marker: Option<(Atom, u32)>,
    names: Vec<Atom>,
    seen_names: AtomSet,
    /// `import * as x` locals -> how many times an identifier spells them (cooked).
    star_locals: AtomMap<u32>,
}

impl Walker<'_> {
    fn declare(&mut self, name: &Atom) {
        if self.candidates.contains(name) {
            *self.shadow.entry(name.clone()).or_insert(0) += 1;
            self.pushed.push(name.clone());
        }
    }

    fn leave(&mut self, mark: usize) {
        while self.pushed.len() > mark {
            let n = self.pushed.pop().unwrap();
            if let Some(c) = self.shadow.get_mut(&n) {
                *c -= 1;
            }
        }
    }

    fn assigned(&mut self, name: &Atom) {
        if let Some((m, level)) = &self.marker {
            if m == name && self.shadow.get(name).copied().unwrap_or(0) == *level {
                self.self_scoped.insert(name.clone(), true);
            }
        }
        if self.candidates.contains(name) && self.shadow.get(name).copied().unwrap_or(0) == 0 {
            self.reassigned.insert(name.clone());
        }
    }

    fn check_name(&mut self, name: &str, pos: BytePos) {
        if self.failure.is_none() {
            if let Some(message) = reserved_message(name) {
                self.failure = Some(Failure { message, pos: off(pos), with_position: false });
            }
        }
    }

    fn enter_function_scope(&mut self, params: &mut dyn Iterator<Item = &Pat>, body: &[Stmt]) -> usize {
        self.enter_function_scope_of(params, body, None)
    }

    fn enter_function_scope_of(
        &mut self,
        params: &mut dyn Iterator<Item = &Pat>,
        body: &[Stmt],
        own_name: Option<&Atom>,
    ) -> usize {
        let mark = self.pushed.len();
        let mut names: Vec<Atom> = Vec::new();
        {
            let mut add = |n: &Atom| names.push(n.clone());
            for p in params {
                pattern_names(p, &mut add);
            }
            for s in body {
                var_names(s, &mut add);
            }
            lexical_names(body, &mut add);
        }
        for n in &names {
            self.declare(n);
        }
        if let Some(own) = own_name {
            let count = names.iter().filter(|n| *n == own).count();
            if count > 0 {
                let level = self.shadow.get(own).copied().unwrap_or(0);
                self.self_scoped.insert(own.clone(), count > 1);
                self.marker = Some((own.clone(), level));
            }
        }
        mark
    }

    fn nested<F: FnOnce(&mut Self)>(&mut self, f: F) {
        if self.failure.is_some() {
            return;
        }
        grow(|| f(self));
    }
}

impl Visit for Walker<'_> {
    fn visit_expr(&mut self, e: &Expr) {
        self.nested(|w| e.visit_children_with(w));
    }

    fn visit_stmt(&mut self, s: &Stmt) {
        self.nested(|w| s.visit_children_with(w));
    }

    fn visit_pat(&mut self, p: &Pat) {
        self.nested(|w| p.visit_children_with(w));
    }

    fn visit_ident(&mut self, i: &Ident) {
        self.check_name(&i.sym, i.span.lo);
        if !self.star_locals.is_empty() {
            if let Some(n) = self.star_locals.get_mut(&i.sym) {
                *n += 1;
            }
        }
        if !self.seen_names.contains(&i.sym) {
            self.seen_names.insert(i.sym.clone());
            self.names.push(i.sym.clone());
        }
    }

    fn visit_ident_name(&mut self, i: &IdentName) {
        self.check_name(&i.sym, i.span.lo);
    }

    fn visit_private_name(&mut self, p: &PrivateName) {
        self.check_name(&p.name, p.span.lo);
    }

    fn visit_meta_prop_expr(&mut self, m: &MetaPropExpr) {
        if m.kind == MetaPropKind::ImportMeta {
            self.metas.push((off(m.span.lo), off(m.span.hi)));
        }
    }

    fn visit_call_expr(&mut self, c: &CallExpr) {
        if let Callee::Import(i) = &c.callee {
            if i.phase != ImportPhase::Evaluation && self.failure.is_none() {
                self.failure = Some(unsupported(i.span.lo));
            }
            self.dynamic_imports.push((off(i.span.lo), off(i.span.hi)));
        }
        c.visit_children_with(self);
    }

    fn visit_assign_expr(&mut self, a: &AssignExpr) {
        if self.track {
            match &a.left {
                AssignTarget::Simple(SimpleAssignTarget::Ident(b)) => {
                    let n = b.id.sym.clone();
                    self.assigned(&n);
                }
                AssignTarget::Pat(p) => {
                    let mut names = Vec::new();
                    match p {
                        AssignTargetPat::Array(a) => array_pattern_names(a, &mut |n| names.push(n.clone())),
                        AssignTargetPat::Object(o) => object_pattern_names(o, &mut |n| names.push(n.clone())),
                        _ => {}
                    }
                    for n in &names {
                        self.assigned(n);
                    }
                }
                _ => {}
            }
        }
        a.visit_children_with(self);
    }

    fn visit_update_expr(&mut self, u: &UpdateExpr) {
        if self.track {
            if let Expr::Ident(i) = &*u.arg {
                let n = i.sym.clone();
                self.assigned(&n);
            }
        }
        u.visit_children_with(self);
    }

    fn visit_for_in_stmt(&mut self, s: &ForInStmt) {
        self.for_x(&s.left, |w| s.visit_children_with(w));
    }

    fn visit_for_of_stmt(&mut self, s: &ForOfStmt) {
        self.for_x(&s.left, |w| s.visit_children_with(w));
    }

    fn visit_for_stmt(&mut self, s: &ForStmt) {
        if !self.track {
            return s.visit_children_with(self);
        }
        let mark = self.pushed.len();
        if let Some(VarDeclOrExpr::VarDecl(v)) = &s.init {
            if v.kind != VarDeclKind::Var {
                let mut names = Vec::new();
                for d in &v.decls {
                    pattern_names(&d.name, &mut |n| names.push(n.clone()));
                }
                for n in &names {
                    self.declare(n);
                }
            }
        }
        s.visit_children_with(self);
        self.leave(mark);
    }

    fn visit_block_stmt(&mut self, b: &BlockStmt) {
        if !self.track {
            return b.visit_children_with(self);
        }
        let mark = self.pushed.len();
        let mut names = Vec::new();
        lexical_names(&b.stmts, &mut |n| names.push(n.clone()));
        for n in &names {
            self.declare(n);
        }
        b.visit_children_with(self);
        self.leave(mark);
    }

    fn visit_switch_stmt(&mut self, s: &SwitchStmt) {
        if !self.track {
            return s.visit_children_with(self);
        }
        let mark = self.pushed.len();
        let mut names = Vec::new();
        for c in &s.cases {
            lexical_names(&c.cons, &mut |n| names.push(n.clone()));
        }
        for n in &names {
            self.declare(n);
        }
        s.visit_children_with(self);
        self.leave(mark);
    }

    fn visit_catch_clause(&mut self, c: &CatchClause) {
        if !self.track {
            return c.visit_children_with(self);
        }
        let mark = self.pushed.len();
        let mut names = Vec::new();
        if let Some(p) = &c.param {
            pattern_names(p, &mut |n| names.push(n.clone()));
        }
        lexical_names(&c.body.stmts, &mut |n| names.push(n.clone()));
        for n in &names {
            self.declare(n);
        }
        if let Some(p) = &c.param {
            p.visit_with(self);
        }
        for s in &c.body.stmts {
            s.visit_with(self);
        }
        self.leave(mark);
    }

    fn visit_function(&mut self, f: &Function) {
        if !self.track {
            return f.visit_children_with(self);
        }
        let empty: [Stmt; 0] = [];
        let body = f.body.as_ref().map(|b| &b.stmts[..]).unwrap_or(&empty);
        let own = self.self_scoped_fns.get(&f.span.lo.0).cloned();
        let mark = self.enter_function_scope_of(&mut f.params.iter().map(|p| &p.pat), body, own.as_ref());
        f.visit_children_with(self);
        self.leave(mark);
        if own.is_some() {
            self.marker = None;
        }
    }

    fn visit_function_body(&mut self, b: &FunctionBody) {
        // The function's own scope already holds the body's declarations.
        for s in &b.stmts {
            s.visit_with(self);
        }
    }

    fn visit_constructor(&mut self, c: &Constructor) {
        if !self.track {
            return c.visit_children_with(self);
        }
        let empty: [Stmt; 0] = [];
        let body = c.body.as_ref().map(|b| &b.stmts[..]).unwrap_or(&empty);
        let mut params = c.params.iter().filter_map(|p| match p {
            ParamOrTsParamProp::Param(p) => Some(&p.pat),
            _ => None,
        });
        let mark = self.enter_function_scope(&mut params, body);
        c.visit_children_with(self);
        self.leave(mark);
    }

    fn visit_arrow_expr(&mut self, a: &ArrowExpr) {
        if !self.track {
            return a.visit_children_with(self);
        }
        let empty: [Stmt; 0] = [];
        let body = match &*a.body {
            ArrowFunctionBody::FunctionBody(b) => &b.stmts[..],
            _ => &empty,
        };
        let mark = self.enter_function_scope(&mut a.params.iter(), body);
        a.visit_children_with(self);
        self.leave(mark);
    }

    fn visit_static_block(&mut self, s: &StaticBlock) {
        if !self.track {
            return s.visit_children_with(self);
        }
        let mark = self.enter_function_scope(&mut std::iter::empty(), &s.body.stmts);
        for st in &s.body.stmts {
            st.visit_with(self);
        }
        self.leave(mark);
    }

    fn visit_fn_expr(&mut self, f: &FnExpr) {
        let mark = self.pushed.len();
        if self.track {
            if let Some(i) = &f.ident {
                let n = i.sym.clone();
                self.declare(&n);
            }
        }
        f.visit_children_with(self);
        self.leave(mark);
    }

    fn visit_class_expr(&mut self, c: &ClassExpr) {
        let mark = self.pushed.len();
        if self.track {
            if let Some(i) = &c.ident {
                let n = i.sym.clone();
                self.declare(&n);
            }
        }
        c.visit_children_with(self);
        self.leave(mark);
    }
}

impl Walker<'_> {
    fn for_x<F: FnOnce(&mut Self)>(&mut self, left: &ForHead, visit: F) {
        if !self.track {
            return visit(self);
        }
        let mark = self.pushed.len();
        match left {
            ForHead::VarDecl(v) if v.kind != VarDeclKind::Var => {
                let mut names = Vec::new();
                for d in &v.decls {
                    pattern_names(&d.name, &mut |n| names.push(n.clone()));
                }
                for n in &names {
                    self.declare(n);
                }
            }
            ForHead::Pat(p) => {
                let mut names = Vec::new();
                pattern_names(p, &mut |n| names.push(n.clone()));
                for n in &names {
                    self.assigned(n);
                }
            }
            _ => {}
        }
        visit(self);
        self.leave(mark);
    }
}
