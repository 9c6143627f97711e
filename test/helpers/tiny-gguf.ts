/**
 * Writes a tiny llama-architecture GGUF with random weights (nothing is downloaded): one block,
 * 64-wide, a vocabulary of ASCII byte tokens, the SentencePiece space and ChatML's control tokens,
 * and a ChatML template.
 * It answers nonsense, which is the point: under a JSON-Schema grammar, llama.cpp's constrained
 * decoding still has to produce the shape, and whatever the grammar does not enforce (number
 * bounds, length) shows up as counted failures. Three settings llama.cpp needs from such a file:
 * no space prefix, byte tokens for ASCII only (higher bytes make invalid UTF-8), bos/eos/unk ids.
 */
import { writeFileSync } from 'node:fs';
import { Rng } from '../../src/random/index.ts';

const EMBD = 64;
const HEADS = 4;
const FF = 128;
const CONTROL = ['<unk>', '<s>', '</s>', '<|im_start|>', '<|im_end|>'];
const CHATML =
  "{% for message in messages %}{{'<|im_start|>' + message['role'] + '\\n' + message['content'] + '<|im_end|>' + '\\n'}}{% endfor %}{% if add_generation_prompt %}{{ '<|im_start|>assistant\\n' }}{% endif %}";

type Value =
  | { t: 'u32'; v: number }
  | { t: 'f32'; v: number }
  | { t: 'bool'; v: boolean }
  | { t: 'str'; v: string }
  | { t: 'strs'; v: string[] }
  | { t: 'f32s'; v: number[] }
  | { t: 'i32s'; v: number[] };

class Out {
  private chunks: Buffer[] = [];
  length = 0;
  push(b: Buffer): void {
    this.chunks.push(b);
    this.length += b.length;
  }
  u32(x: number): void {
    const b = Buffer.alloc(4);
    b.writeUInt32LE(x);
    this.push(b);
  }
  u64(x: number): void {
    const b = Buffer.alloc(8);
    b.writeBigUInt64LE(BigInt(x));
    this.push(b);
  }
  str(s: string): void {
    const b = Buffer.from(s, 'utf8');
    this.u64(b.length);
    this.push(b);
  }
  pad(align: number): void {
    const extra = (align - (this.length % align)) % align;
    if (extra > 0) this.push(Buffer.alloc(extra));
  }
  bytes(): Buffer {
    return Buffer.concat(this.chunks);
  }
}

function writeValue(o: Out, value: Value): void {
  const f32 = (x: number) => {
    const b = Buffer.alloc(4);
    b.writeFloatLE(x);
    o.push(b);
  };
  switch (value.t) {
    case 'u32':
      return (o.u32(4), o.u32(value.v));
    case 'f32':
      return (o.u32(6), f32(value.v));
    case 'bool':
      return (o.u32(7), o.push(Buffer.from([value.v ? 1 : 0])));
    case 'str':
      return (o.u32(8), o.str(value.v));
    case 'strs':
      o.u32(9);
      o.u32(8);
      o.u64(value.v.length);
      for (const s of value.v) o.str(s);
      return;
    case 'f32s':
      o.u32(9);
      o.u32(6);
      o.u64(value.v.length);
      for (const x of value.v) f32(x);
      return;
    case 'i32s': {
      o.u32(9);
      o.u32(5);
      o.u64(value.v.length);
      for (const x of value.v) {
        const b = Buffer.alloc(4);
        b.writeInt32LE(x);
        o.push(b);
      }
    }
  }
}

/** Writes the model to `file`; the same seed gives the same bytes. */
export function writeTinyGguf(file: string, seed = 1): void {
  const bytes = Array.from(
    { length: 128 },
    (_, i) => `<0x${i.toString(16).toUpperCase().padStart(2, '0')}>`,
  );
  // SentencePiece writes a space as U+2581 before it looks tokens up: without this token the
  // space would fall back to bytes >= 0x80, which the vocabulary does not have.
  const pieces = ['\u2581'];
  const tokens = [...CONTROL, ...bytes, ...pieces];
  const vocab = tokens.length;
  const meta: [string, Value][] = [
    ['general.architecture', { t: 'str', v: 'llama' }],
    ['general.name', { t: 'str', v: 'petrov-tiny-random' }],
    ['general.alignment', { t: 'u32', v: 32 }],
    ['llama.context_length', { t: 'u32', v: 4096 }],
    ['llama.embedding_length', { t: 'u32', v: EMBD }],
    ['llama.block_count', { t: 'u32', v: 1 }],
    ['llama.feed_forward_length', { t: 'u32', v: FF }],
    ['llama.attention.head_count', { t: 'u32', v: HEADS }],
    ['llama.attention.head_count_kv', { t: 'u32', v: HEADS }],
    ['llama.rope.dimension_count', { t: 'u32', v: EMBD / HEADS }],
    ['llama.attention.layer_norm_rms_epsilon', { t: 'f32', v: 1e-5 }],
    ['tokenizer.ggml.model', { t: 'str', v: 'llama' }],
    ['tokenizer.ggml.tokens', { t: 'strs', v: tokens }],
    ['tokenizer.ggml.scores', { t: 'f32s', v: tokens.map(() => 0) }],
    [
      'tokenizer.ggml.token_type',
      {
        t: 'i32s',
        v: tokens.map((_, i) =>
          i === 0 ? 2 : i < CONTROL.length ? 3 : i < CONTROL.length + 128 ? 6 : 1,
        ),
      },
    ],
    ['tokenizer.ggml.bos_token_id', { t: 'u32', v: 1 }],
    ['tokenizer.ggml.eos_token_id', { t: 'u32', v: 4 }],
    ['tokenizer.ggml.unknown_token_id', { t: 'u32', v: 0 }],
    ['tokenizer.ggml.add_space_prefix', { t: 'bool', v: false }],
    ['tokenizer.ggml.add_bos_token', { t: 'bool', v: true }],
    ['tokenizer.chat_template', { t: 'str', v: CHATML }],
  ];
  // GGUF dims are innermost first: a [in, out] matrix maps `in` inputs to `out` outputs.
  const tensors: [string, number[], 'norm' | 'rand'][] = [
    ['token_embd.weight', [EMBD, vocab], 'rand'],
    ['output_norm.weight', [EMBD], 'norm'],
    ['output.weight', [EMBD, vocab], 'rand'],
    ['blk.0.attn_norm.weight', [EMBD], 'norm'],
    ['blk.0.attn_q.weight', [EMBD, EMBD], 'rand'],
    ['blk.0.attn_k.weight', [EMBD, EMBD], 'rand'],
    ['blk.0.attn_v.weight', [EMBD, EMBD], 'rand'],
    ['blk.0.attn_output.weight', [EMBD, EMBD], 'rand'],
    ['blk.0.ffn_norm.weight', [EMBD], 'norm'],
    ['blk.0.ffn_gate.weight', [EMBD, FF], 'rand'],
    ['blk.0.ffn_up.weight', [EMBD, FF], 'rand'],
    ['blk.0.ffn_down.weight', [FF, EMBD], 'rand'],
  ];
  const o = new Out();
  o.push(Buffer.from('GGUF', 'latin1'));
  o.u32(3);
  o.u64(tensors.length);
  o.u64(meta.length);
  for (const [k, v] of meta) {
    o.str(k);
    writeValue(o, v);
  }
  let offset = 0;
  const sizes = tensors.map(([, dims]) => dims.reduce((a, b) => a * b, 1) * 4);
  tensors.forEach(([name, dims], i) => {
    o.str(name);
    o.u32(dims.length);
    for (const d of dims) o.u64(d);
    o.u32(0); // F32
    o.u64(offset);
    offset += Math.ceil(sizes[i] / 32) * 32;
  });
  o.pad(32);
  const rng = new Rng(seed, 0, 0);
  tensors.forEach(([, , kind], i) => {
    const data = new Float32Array(sizes[i] / 4);
    for (let j = 0; j < data.length; j++) data[j] = kind === 'norm' ? 1 : (rng.next() - 0.5) * 0.2;
    o.push(Buffer.from(data.buffer));
    o.pad(32);
  });
  writeFileSync(file, o.bytes());
}
