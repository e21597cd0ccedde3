package goeval

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/importer"
	"go/types"
	"io"
	"os"
	"reflect"

	"github.com/migrate-tool/migrate/schema"
)

// Symbol is the function the package must export.
const Symbol = "Schema"

// Eval type-checks the package in dir against the export data of decl
// and schema (exports maps their import paths to export data files, as
// `go list -export` names them) and evaluates its Schema function. The
// error Schema returns is returned as a *SchemaError; refusals wrap
// ErrUnsupported; a package that does not type-check is refused too (the
// compiler, not this package, reports its errors).
func Eval(dir string, exports map[string]string) (*schema.Schema, error) {
	p, err := parseDir(dir)
	if err != nil {
		return nil, err
	}
	// Sized up front: a declaration of hundreds of tables records tens of
	// thousands of expressions, and growing the maps step by step took
	// a fifth of the evaluation.
	exprs, idents, sels := p.counts()
	info := &types.Info{
		Types: make(map[ast.Expr]types.TypeAndValue, exprs),
		Uses:  make(map[*ast.Ident]types.Object, idents),
		Defs:  map[*ast.Ident]types.Object{},

		Selections: make(map[*ast.SelectorExpr]*types.Selection, sels),
	}
	conf := types.Config{
		Importer: importer.ForCompiler(p.fset, "gc", func(path string) (io.ReadCloser, error) {
			file, ok := exports[path]
			if !ok {
				return nil, fmt.Errorf("no export data for %s", path)
			}
			return os.Open(file)
		}),
		Error: func(error) {},
	}
	pkg, err := conf.Check(p.name, p.fset, p.files, info)
	if err != nil {
		return nil, unsupported("does not type-check: %v", err)
	}
	fn, ok := pkg.Scope().Lookup(Symbol).(*types.Func)
	if !ok {
		return nil, unsupported("no func %s", Symbol)
	}
	sig := fn.Type().(*types.Signature)
	if sig.Params().Len() != 0 || sig.Results().Len() != 2 ||
		types.TypeString(sig.Results().At(0).Type(), nil) != "*"+schemaPath+".Schema" ||
		types.TypeString(sig.Results().At(1).Type(), nil) != "error" {
		return nil, unsupported("%s is not func() (*schema.Schema, error)", Symbol)
	}
	e := &evaluator{info: info, pkg: pkg, funcs: map[*types.Func]*ast.FuncDecl{}}
	for _, f := range p.files {
		for _, d := range f.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok {
				if obj, ok := info.Defs[fd.Name].(*types.Func); ok {
					e.funcs[obj] = fd
				}
			}
		}
	}
	out, err := e.callLocal(fn, nil)
	if err != nil {
		return nil, err
	}
	if len(out) != 2 {
		return nil, unsupported("%s returned %d values", Symbol, len(out))
	}
	if !out[1].IsNil() {
		return nil, &SchemaError{Msg: out[1].Interface().(error).Error()}
	}
	s, _ := out[0].Interface().(*schema.Schema)
	if s == nil {
		return nil, &SchemaError{Msg: "returned a nil schema"}
	}
	return s, nil
}

// SchemaError is the error the package's Schema function returned.
type SchemaError struct{ Msg string }

func (e *SchemaError) Error() string { return e.Msg }

// evaluator walks type-checked expressions, calling package decl through
// reflection.
type evaluator struct {
	info  *types.Info
	pkg   *types.Package
	funcs map[*types.Func]*ast.FuncDecl
	depth int
}

// maxDepth bounds local calls: a recursive declaration is refused.
const maxDepth = 64

// callLocal evaluates a function of the package with its arguments.
func (e *evaluator) callLocal(fn *types.Func, args []reflect.Value) (out []reflect.Value, err error) {
	fd := e.funcs[fn]
	if fd == nil {
		return nil, unsupported("func %s not found", fn.Name())
	}
	if e.depth++; e.depth > maxDepth {
		return nil, unsupported("calls nest deeper than %d", maxDepth)
	}
	defer func() { e.depth-- }()
	sig := fn.Type().(*types.Signature)
	if sig.Variadic() {
		return nil, unsupported("variadic func %s", fn.Name())
	}
	env := map[types.Object]reflect.Value{}
	i := 0
	for _, field := range fd.Type.Params.List {
		for _, name := range field.Names {
			if obj := e.info.Defs[name]; obj != nil {
				env[obj] = args[i]
			}
			i++
		}
		if len(field.Names) == 0 {
			i++
		}
	}
	ret := fd.Body.List[0].(*ast.ReturnStmt)
	if len(ret.Results) == 1 && sig.Results().Len() > 1 {
		return e.call(ret.Results[0].(*ast.CallExpr), env)
	}
	for k, r := range ret.Results {
		v, err := e.eval(r, env)
		if err != nil {
			return nil, err
		}
		v, err = e.assign(v, sig.Results().At(k).Type())
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, nil
}

// eval evaluates an expression of one value.
func (e *evaluator) eval(x ast.Expr, env map[types.Object]reflect.Value) (reflect.Value, error) {
	tv := e.info.Types[x]
	if tv.Value != nil {
		return e.constant(tv.Value, tv.Type)
	}
	switch x := x.(type) {
	case *ast.ParenExpr:
		return e.eval(x.X, env)
	case *ast.Ident:
		if tv.IsNil() {
			return reflect.Value{}, unsupported("untyped nil")
		}
		if v, ok := env[e.info.Uses[x]]; ok {
			return v, nil
		}
		return reflect.Value{}, unsupported("identifier %s", x.Name)
	case *ast.CallExpr:
		out, err := e.call(x, env)
		if err != nil {
			return reflect.Value{}, err
		}
		if len(out) != 1 {
			return reflect.Value{}, unsupported("call with %d results used as a value", len(out))
		}
		return out[0], nil
	case *ast.CompositeLit:
		return e.composite(x, env)
	}
	return reflect.Value{}, unsupported("expression %T", x)
}

// call evaluates a call: a local function, a decl function or a method.
func (e *evaluator) call(x *ast.CallExpr, env map[types.Object]reflect.Value) ([]reflect.Value, error) {
	var fnIdent *ast.Ident
	var recv ast.Expr
	switch f := x.Fun.(type) {
	case *ast.Ident:
		fnIdent = f
	case *ast.SelectorExpr:
		fnIdent = f.Sel
		if sel, ok := e.info.Selections[f]; ok && sel.Kind() == types.MethodVal {
			recv = f.X
		}
	case *ast.ParenExpr:
		return nil, unsupported("parenthesized function")
	default:
		return nil, unsupported("call of %T", f)
	}
	fn, ok := e.info.Uses[fnIdent].(*types.Func)
	if !ok {
		return nil, unsupported("%s is not a function", fnIdent.Name)
	}
	sig := fn.Type().(*types.Signature)
	var target reflect.Value
	switch {
	case recv != nil:
		rv, err := e.eval(recv, env)
		if err != nil {
			return nil, err
		}
		target = rv.MethodByName(fn.Name())
		if !target.IsValid() {
			return nil, unsupported("method %s", fn.Name())
		}
	case fn.Pkg() == e.pkg:
	case fn.Pkg() != nil && fn.Pkg().Path() == declPath && sig.Recv() == nil:
		f, ok := declFuncs[fn.Name()]
		if !ok {
			return nil, unsupported("decl.%s is not known to this evaluator", fn.Name())
		}
		target = reflect.ValueOf(f)
	default:
		return nil, unsupported("call of %s", fn.FullName())
	}
	args := make([]reflect.Value, 0, len(x.Args))
	for k, a := range x.Args {
		v, err := e.eval(a, env)
		if err != nil {
			return nil, err
		}
		var pt types.Type
		switch {
		case x.Ellipsis.IsValid() && k == len(x.Args)-1:
			pt = sig.Params().At(sig.Params().Len() - 1).Type()
		case sig.Variadic() && k >= sig.Params().Len()-1:
			pt = sig.Params().At(sig.Params().Len() - 1).Type().(*types.Slice).Elem()
		default:
			pt = sig.Params().At(k).Type()
		}
		if v, err = e.assign(v, pt); err != nil {
			return nil, err
		}
		args = append(args, v)
	}
	if !target.IsValid() {
		return e.callLocal(fn, args)
	}
	return protect(func() []reflect.Value {
		if x.Ellipsis.IsValid() {
			return target.CallSlice(args)
		}
		return target.Call(args)
	})
}

// protect runs a reflective call; a panic in it (which the compiled
// program would die of) is a refusal, so the compiled loader reports it.
func protect(f func() []reflect.Value) (out []reflect.Value, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = unsupported("panic: %v", r)
		}
	}()
	return f(), nil
}

// composite evaluates a slice literal without keys.
func (e *evaluator) composite(x *ast.CompositeLit, env map[types.Object]reflect.Value) (reflect.Value, error) {
	st, ok := e.info.Types[x].Type.Underlying().(*types.Slice)
	if !ok {
		return reflect.Value{}, unsupported("composite literal of %s", e.info.Types[x].Type)
	}
	rt, err := e.reflectType(e.info.Types[x].Type)
	if err != nil {
		return reflect.Value{}, err
	}
	out := reflect.MakeSlice(rt, 0, len(x.Elts))
	for _, el := range x.Elts {
		if _, ok := el.(*ast.KeyValueExpr); ok {
			return reflect.Value{}, unsupported("keyed slice literal")
		}
		v, err := e.eval(el, env)
		if err != nil {
			return reflect.Value{}, err
		}
		if v, err = e.assign(v, st.Elem()); err != nil {
			return reflect.Value{}, err
		}
		out = reflect.Append(out, v)
	}
	return out, nil
}

// assign converts v to a value of type t as Go's assignability does
// (a concrete value into an interface).
func (e *evaluator) assign(v reflect.Value, t types.Type) (reflect.Value, error) {
	rt, err := e.reflectType(t)
	if err != nil {
		return reflect.Value{}, err
	}
	if v.Type() == rt {
		return v, nil
	}
	if !v.Type().AssignableTo(rt) {
		return reflect.Value{}, unsupported("%s is not assignable to %s", v.Type(), rt)
	}
	out := reflect.New(rt).Elem()
	out.Set(v)
	return out, nil
}

// reflectType maps a type of the checked package to its reflect.Type:
// basic types, decl's named types, pointers and slices of those.
func (e *evaluator) reflectType(t types.Type) (reflect.Type, error) {
	switch t := t.(type) {
	case *types.Basic:
		if rt, ok := basicTypes[t.Kind()]; ok {
			return rt, nil
		}
	case *types.Pointer:
		el, err := e.reflectType(t.Elem())
		if err != nil {
			return nil, err
		}
		return reflect.PointerTo(el), nil
	case *types.Slice:
		el, err := e.reflectType(t.Elem())
		if err != nil {
			return nil, err
		}
		return reflect.SliceOf(el), nil
	case *types.Named:
		obj := t.Obj()
		if obj.Pkg() != nil && obj.Pkg().Path() == declPath {
			if rt, ok := declTypes[obj.Name()]; ok {
				return rt, nil
			}
		}
		if obj.Pkg() != nil && obj.Pkg().Path() == schemaPath && obj.Name() == "Schema" {
			return reflect.TypeFor[schema.Schema](), nil
		}
		if obj.Pkg() == nil && obj.Name() == "error" {
			return reflect.TypeFor[error](), nil
		}
	case *types.Alias:
		return e.reflectType(types.Unalias(t))
	}
	return nil, unsupported("type %s", t)
}

var basicTypes = map[types.BasicKind]reflect.Type{
	types.Bool: reflect.TypeFor[bool](), types.String: reflect.TypeFor[string](),
	types.Int: reflect.TypeFor[int](), types.Int8: reflect.TypeFor[int8](), types.Int16: reflect.TypeFor[int16](),
	types.Int32: reflect.TypeFor[int32](), types.Int64: reflect.TypeFor[int64](),
	types.Uint: reflect.TypeFor[uint](), types.Uint8: reflect.TypeFor[uint8](), types.Uint16: reflect.TypeFor[uint16](),
	types.Uint32: reflect.TypeFor[uint32](), types.Uint64: reflect.TypeFor[uint64](),
	types.Float32: reflect.TypeFor[float32](), types.Float64: reflect.TypeFor[float64](),
	types.UntypedBool: reflect.TypeFor[bool](), types.UntypedString: reflect.TypeFor[string](),
	types.UntypedInt: reflect.TypeFor[int](), types.UntypedRune: reflect.TypeFor[rune](),
	types.UntypedFloat: reflect.TypeFor[float64](),
}

// constant turns a constant of type t into a reflect.Value of that type.
func (e *evaluator) constant(c constant.Value, t types.Type) (reflect.Value, error) {
	rt, err := e.reflectType(t)
	if err != nil {
		return reflect.Value{}, err
	}
	v := reflect.New(rt).Elem()
	switch rt.Kind() {
	case reflect.String:
		v.SetString(constant.StringVal(c))
	case reflect.Bool:
		v.SetBool(constant.BoolVal(c))
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		n, exact := constant.Int64Val(constant.ToInt(c))
		if !exact || v.OverflowInt(n) {
			return reflect.Value{}, unsupported("constant %s overflows %s", c, rt)
		}
		v.SetInt(n)
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		n, exact := constant.Uint64Val(constant.ToInt(c))
		if !exact || v.OverflowUint(n) {
			return reflect.Value{}, unsupported("constant %s overflows %s", c, rt)
		}
		v.SetUint(n)
	case reflect.Float32, reflect.Float64:
		f, _ := constant.Float64Val(constant.ToFloat(c))
		v.SetFloat(f)
	default:
		return reflect.Value{}, unsupported("constant of %s", rt)
	}
	return v, nil
}
