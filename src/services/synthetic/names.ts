// Fictional names for synthetic spaces, operators and incubated firms. They are built from a city
// name, a two-character word and a suffix typical of the space's model, so they read like Chinese
// maker-space names without naming any real one.
import type { SpaceType } from '../../domain/taxonomy.js';
import type { SeededRng } from './rng.js';

interface Word {
  zh: string;
  en: string;
}

const WORDS: readonly Word[] = [
  { zh: '星火', en: 'Spark' },
  { zh: '启航', en: 'Setsail' },
  { zh: '智汇', en: 'Wisdom' },
  { zh: '创想', en: 'Idea' },
  { zh: '云帆', en: 'Cloudsail' },
  { zh: '筑梦', en: 'Dreambuild' },
  { zh: '青藤', en: 'Ivy' },
  { zh: '蜂巢', en: 'Hive' },
  { zh: '灯塔', en: 'Lighthouse' },
  { zh: '众力', en: 'Allforce' },
  { zh: '极客', en: 'Geek' },
  { zh: '新芽', en: 'Sprout' },
  { zh: '领航', en: 'Pilot' },
  { zh: '方舟', en: 'Ark' },
  { zh: '磐石', en: 'Bedrock' },
  { zh: '远见', en: 'Vision' },
  { zh: '飞鱼', en: 'Flyingfish' },
  { zh: '晨光', en: 'Dawn' },
  { zh: '蓝海', en: 'Blue Ocean' },
  { zh: '睿思', en: 'Insight' },
  { zh: '聚能', en: 'Synergy' },
  { zh: '天工', en: 'Skycraft' },
  { zh: '匠心', en: 'Craft' },
  { zh: '拓荒', en: 'Pioneer' },
  { zh: '原点', en: 'Origin' },
  { zh: '象限', en: 'Quadrant' },
  { zh: '跃迁', en: 'Leap' },
  { zh: '微光', en: 'Glimmer' },
  { zh: '繁星', en: 'Starry' },
  { zh: '鲲鹏', en: 'Kunpeng' },
  { zh: '凤鸣', en: 'Phoenix' },
  { zh: '梧桐', en: 'Wutong' },
  { zh: '麦田', en: 'Wheatfield' },
  { zh: '积木', en: 'Blocks' },
  { zh: '齿轮', en: 'Gear' },
  { zh: '像素', en: 'Pixel' },
  { zh: '未来', en: 'Future' },
  { zh: '源创', en: 'Source' },
  { zh: '同心', en: 'Unison' },
  { zh: '扬帆', en: 'Fullsail' },
  { zh: '弘毅', en: 'Resolve' },
  { zh: '知行', en: 'Knowdo' },
  { zh: '合木', en: 'Timber' },
  { zh: '光合', en: 'Photosynth' },
  { zh: '立方', en: 'Cube' },
  { zh: '奇点', en: 'Singularity' },
  { zh: '博雅', en: 'Boya' },
  { zh: '锦程', en: 'Brightway' },
];

const SUFFIXES: Readonly<Record<SpaceType, readonly Word[]>> = {
  cn_professional_services: [
    { zh: '创客空间', en: 'Makerspace' },
    { zh: '创新工场', en: 'Innovation Works' },
    { zh: '智造工场', en: 'Fab Works' },
  ],
  cn_training_mentoring: [
    { zh: '创业营', en: 'Startup Camp' },
    { zh: '孵化营', en: 'Incubation Camp' },
    { zh: '创新实验室', en: 'Innovation Lab' },
  ],
  cn_media_extension: [
    { zh: '创业传媒空间', en: 'Media Space' },
    { zh: '创投社', en: 'Venture Club' },
  ],
  cn_investment_promotion: [
    { zh: '创业咖啡', en: 'Startup Café' },
    { zh: '创投空间', en: 'Venture Space' },
    { zh: '孵化器', en: 'Incubator' },
  ],
  cn_coworking: [
    { zh: '联合办公', en: 'Coworking' },
    { zh: '共享空间', en: 'Shared Space' },
  ],
  cn_integrated_ecosystem: [
    { zh: '众创空间', en: 'Innovation Space' },
    { zh: '孵化基地', en: 'Incubation Base' },
    { zh: '创业社区', en: 'Startup Community' },
  ],
  hackerspace: [{ zh: '黑客空间', en: 'Hackerspace' }],
  fablab: [{ zh: '微观装配实验室', en: 'Fab Lab' }],
  makerspace: [{ zh: '创客空间', en: 'Makerspace' }],
  community_lab: [{ zh: '社区实验室', en: 'Community Lab' }],
  accelerator: [{ zh: '加速器', en: 'Accelerator' }],
  coworking: [{ zh: '共享办公', en: 'Coworking' }],
  other: [{ zh: '空间', en: 'Space' }],
};

const CN_NUMERALS = ['', '', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** Hands out names and keeps them unique: a repeat gets 二号, 三号… (No. 2, No. 3…). */
export class SpaceNamer {
  private readonly used = new Map<string, number>();

  name(
    rng: SeededRng,
    cityZh: string,
    cityEn: string,
    type: SpaceType,
  ): { zh: string; en: string; word: Word } {
    const word = rng.pick(WORDS);
    const suffix = rng.pick(SUFFIXES[type]);
    const zh = `${cityZh}${word.zh}${suffix.zh}`;
    const en = `${cityEn} ${word.en} ${suffix.en}`;
    const k = (this.used.get(zh) ?? 0) + 1;
    this.used.set(zh, k);
    if (k === 1) return { zh, en, word };
    const numeral = CN_NUMERALS[k] ?? String(k);
    return { zh: `${zh}${numeral}号`, en: `${en} No. ${k}`, word };
  }
}

const OPERATOR_SUFFIX = {
  company: ['科技有限公司', '创业服务有限公司', '企业管理有限公司', '科技孵化器有限公司'],
  nonprofit: ['创新创业促进中心', '创业服务中心'],
  association: ['创客协会', '青年创业者协会'],
  university: ['大学创新创业学院', '职业技术学院创业园'],
  government: ['科技创业服务中心', '生产力促进中心'],
  individual: ['创客工作室'],
  other: ['创新发展中心'],
} as const;
export type OperatorLegalForm = keyof typeof OPERATOR_SUFFIX;

/** A fictional operator: the city, the space's word and a suffix that fits the legal form. */
export const operatorName = (
  rng: SeededRng,
  cityZh: string,
  wordZh: string,
  legalForm: OperatorLegalForm,
): string => `${cityZh}${wordZh}${rng.pick(OPERATOR_SUFFIX[legalForm])}`;

const FIRM_HEADS = [
  '云',
  '智',
  '芯',
  '数',
  '极',
  '易',
  '优',
  '创',
  '微',
  '新',
  '安',
  '联',
  '睿',
  '科',
  '乐',
  '达',
];
const FIRM_TAILS = [
  '途',
  '联',
  '行',
  '视',
  '测',
  '材',
  '能',
  '医',
  '农',
  '链',
  '聚',
  '维',
  '码',
  '光',
  '讯',
  '康',
];
const FIRM_KINDS = ['科技', '智能', '网络', '信息', '生物', '文化', '设计', '电子'];

/** A fictional firm name, e.g. 云途智能. Repeats are allowed: firms are told apart by id. */
export const firmName = (rng: SeededRng): string =>
  `${rng.pick(FIRM_HEADS)}${rng.pick(FIRM_TAILS)}${rng.pick(FIRM_KINDS)}`;
