// The formula language: tokenizer → recursive-descent parser → AST → evaluator. Never eval/Function.
export { tokenize, type Token, type TokenKind, type FormulaError } from './tokens.ts';
export { parseFormula, MAX_FORMULA_LENGTH, type ParseResult } from './parser.ts';
export { collectNames, FUNCTIONS, RESERVED_WORDS, type Expr, type BinaryOp, type FunctionName } from './ast.ts';
export { evaluateFormula, type EvalResult } from './evaluate.ts';
export { compileFormula, inputNameProblem, INFO_PREFIX, type CompileResult, type NameScope } from './compile.ts';
