/**
 * YAML for the pipeline's hand-edited inputs. A syntax error becomes one line a person can act on
 * (file:line:col, what the parser expected, what to do) instead of the parser's multi-line message
 * with a code excerpt and a stack through node_modules.
 */
import { parse, YAMLParseError } from 'yaml';

export function parseYaml(text: string, file: string): unknown {
  try {
    return parse(text);
  } catch (e) {
    if (!(e instanceof YAMLParseError)) throw e;
    const pos = e.linePos?.[0];
    const what = e.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
    const where = pos ? `${file}:${pos.line}:${pos.col}` : file;
    throw new Error(`${where}: YAML syntax error: ${what}; fix the file there (indentation, quotes, brackets) and rerun`);
  }
}
