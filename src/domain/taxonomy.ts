// The space types of the seed study: six Chinese operating models (Table 1) and the foreign models
// (Table 2), grouped into the two families the study sees abroad. Labels live here because they are
// facts of the taxonomy, not UI strings.

export const CHINESE_TYPES = [
  'cn_professional_services',
  'cn_training_mentoring',
  'cn_media_extension',
  'cn_investment_promotion',
  'cn_coworking',
  'cn_integrated_ecosystem',
] as const;

export const FOREIGN_TYPES = [
  'hackerspace',
  'fablab',
  'makerspace',
  'community_lab',
  'accelerator',
  'coworking',
] as const;

export const SPACE_TYPES = [...CHINESE_TYPES, ...FOREIGN_TYPES, 'other'] as const;
export type SpaceType = (typeof SPACE_TYPES)[number];

/** Tool/equipment-centred or incubation-service-centred (seed study, section 3.2). */
export type SpaceFamily = 'tools' | 'incubation' | 'mixed';

export interface TypeInfo {
  zh: string;
  en: string;
  family: SpaceFamily;
  /** What the study says the model does, in one line. */
  summaryZh: string;
}

export const TYPE_INFO: Record<SpaceType, TypeInfo> = {
  cn_professional_services: {
    zh: '专业服务型',
    en: 'Professional services',
    family: 'mixed',
    summaryZh: '举办发布、展示、路演等创业活动，提供专业技术服务平台与产业链资源',
  },
  cn_training_mentoring: {
    zh: '培训辅导型',
    en: 'Training & mentoring',
    family: 'incubation',
    summaryZh: '依托大学教育与校友资源的创新创业实践平台',
  },
  cn_media_extension: {
    zh: '媒体延伸型',
    en: 'Media extension',
    family: 'incubation',
    summaryZh: '由创业媒体创办，线上线下结合提供宣传、信息、投资等服务',
  },
  cn_investment_promotion: {
    zh: '投资促进型',
    en: 'Investment promotion',
    family: 'incubation',
    summaryZh: '以资本为纽带聚集投资人与项目，提供融资服务',
  },
  cn_coworking: {
    zh: '联合办公型',
    en: 'Co-working',
    family: 'incubation',
    summaryZh: '地产商开发的联合办公空间，附加服务与天使投资',
  },
  cn_integrated_ecosystem: {
    zh: '综合生态型',
    en: 'Integrated ecosystem',
    family: 'incubation',
    summaryZh: '金融、培训、招聘、运营、政策、法律乃至住宿等综合服务',
  },
  hackerspace: {
    zh: '黑客空间',
    en: 'Hackerspace',
    family: 'tools',
    summaryZh: '社区自治、会员制的技术爱好者空间',
  },
  fablab: { zh: '微观装配实验室', en: 'Fab Lab', family: 'tools', summaryZh: '低成本数字制造实验环境' },
  makerspace: {
    zh: '创客空间',
    en: 'Makerspace',
    family: 'tools',
    summaryZh: '会员制、共享工具设备的制作空间',
  },
  community_lab: {
    zh: '社区实验室',
    en: 'Community lab',
    family: 'tools',
    summaryZh: '面向社区与弱势群体的开放创作空间',
  },
  accelerator: {
    zh: '创业加速器',
    en: 'Accelerator',
    family: 'incubation',
    summaryZh: '种子资金与全方位孵化服务',
  },
  coworking: { zh: '共享办公', en: 'Co-working', family: 'incubation', summaryZh: '低价共享办公与社交活动' },
  other: { zh: '其他', en: 'Other', family: 'mixed', summaryZh: '其他类型' },
};

export const familyOf = (t: SpaceType): SpaceFamily => TYPE_INFO[t].family;

export const EQUIPMENT = [
  '3d_printing',
  'laser_cutting',
  'cnc',
  'electronics',
  'woodwork',
  'metalwork',
  'textiles',
  'computers',
  'biolab',
  'ceramics',
  'print_media',
  'photo_video',
  'vinyl_cutting',
  'welding',
  'prototyping_lab',
] as const;
export type EquipmentCategory = (typeof EQUIPMENT)[number];

/** Service types; the national statistics survey asks for mentoring, financing, technology and international. */
export const SERVICES = [
  'desk',
  'tools',
  'mentoring',
  'financing',
  'training',
  'events',
  'technology',
  'international',
  'legal',
  'ip',
  'hr',
  'marketing',
  'policy',
  'accommodation',
] as const;
export type ServiceType = (typeof SERVICES)[number];

export const STATUSES = ['planned', 'active', 'closed'] as const;
export type SpaceStatus = (typeof STATUSES)[number];

export const CERTIFICATIONS = ['none', 'national', 'provincial', 'municipal'] as const;
export type CertificationLevel = (typeof CERTIFICATIONS)[number];

export const LEGAL_FORMS = [
  'company',
  'nonprofit',
  'association',
  'university',
  'government',
  'individual',
  'other',
] as const;

export const OWNERSHIPS = ['private', 'state', 'university', 'foreign', 'mixed', 'other'] as const;

export const PLAN_INTERVALS = ['hour', 'day', 'week', 'month', 'quarter', 'year', 'once', 'session'] as const;
