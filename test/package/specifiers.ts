// The module specifiers a bundle file loads, read from its syntax tree (TypeScript's
// parser), not by grepping: text inside strings and comments is not an import, and a
// `require(variable)` is reported instead of slipping through. esbuild's bundles load
// CommonJS builtins through `__require("fs")`, so that name counts like `require`.
import ts from 'typescript';

export interface Specifiers {
  /** Every literal specifier, in source order. */
  literal: string[];
  /** Source text of each import()/require() whose argument is not a string literal. */
  computed: string[];
}

const REQUIRE_NAMES = new Set(['require', '__require']);

export function moduleSpecifiers(source: string, fileName = 'bundle.js'): Specifiers {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, false, ts.ScriptKind.JS);
  const literal: string[] = [];
  const computed: string[] = [];
  const visit = (node: ts.Node): void => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier) {
      if (ts.isStringLiteral(node.moduleSpecifier)) literal.push(node.moduleSpecifier.text);
    } else if (ts.isCallExpression(node)) {
      const callee = node.expression;
      const loads =
        callee.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(callee) && REQUIRE_NAMES.has(callee.text));
      const [arg] = node.arguments;
      if (loads && arg) {
        if (ts.isStringLiteralLike(arg)) literal.push(arg.text);
        else computed.push(node.getText(file));
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return { literal, computed };
}
