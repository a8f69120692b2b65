import { z } from 'astro/zod';
import { STATION_SERVICES, EQUIPMENT, OFFICE_KINDS } from '../enums.ts';
import { label, text, optionalText, count, location, type SchemaHelpers } from '../fields.ts';

/** The stations collection's schema. */
export function stationsSchema<R extends z.ZodType, I extends z.ZodType>({ ref }: SchemaHelpers<R, I>) {
  const building = z.strictObject({
    // Building name as used on its sign.
    name: label(
      text().refine((n) => !n.endsWith('工作站'), '楼宇名称不应以“工作站”结尾（工作站名称由街道和主楼名称生成）'),
      '楼宇名称',
      '楼宇的正式名称',
    ),
    // Floor area in square metres.
    area: label(z.number().positive('应大于 0'), '建筑面积（㎡）', '楼宇建筑面积，单位平方米'),
    // Companies located in the building.
    companies: label(count(), '入驻企业数', '楼内入驻企业数量'),
    // People employed in the building.
    employees: label(count(), '从业人员数', '楼内从业人员数量'),
    // Of them, aged under 35.
    employeesUnder35: label(count(), '35岁以下员工数', '其中35岁以下员工数量'),
  });

  return z
    .strictObject({
      // The street office or community the station belongs to.
      street: label(ref('streets'), '所属街道', '工作站所属的街道或社区'),
      // The buildings the station covers; the first is the main building that names it.
      buildings: label(z.array(building).min(1, '至少一座楼宇'), '所辖楼宇', '第一座为主楼，用于工作站名称；联合建站依次列出'),
      // Which of the five station types the station offers.
      services: label(z.array(z.enum(STATION_SERVICES)).min(1, '至少一项'), '服务职能', '“五站合一”即五项全选'),
      // The station's office.
      office: label(
        z.strictObject({
          // Own office or shared with the building's management.
          kind: label(z.enum(OFFICE_KINDS), '用房类型', '独立办公用房或与物业合用'),
          // Office floor area in square metres.
          area: label(z.number().positive('应大于 0'), '办公面积（㎡）', '办公用房面积'),
        }),
        '办公用房',
        '工作站办公用房情况',
      ),
      // Which items of the "五个一" standard are present.
      equipment: label(z.array(z.enum(EQUIPMENT)).default([]), '办公设备', '“五个一”：电脑、电话、办公桌、打印机、书柜'),
      // Staff counts; no names are published.
      staff: label(
        z.strictObject({
          // Full-time staff, at least one per station.
          fullTime: label(z.number().int().min(1, '每站至少1名专职人员'), '专职人员', '专职工作人员人数'),
          // Part-time staff.
          partTime: label(count(), '兼职人员', '兼职工作人员人数'),
          // Full-time staff who were community party secretaries.
          formerSecretaries: label(count().default(0), '其中社区书记', '专职人员中由社区党委书记置换而来的人数'),
          // Full-time staff recruited as graduate social workers.
          socialWorkers: label(count().default(0), '其中大学生社工', '专职人员中党员大学生社工人数'),
        }),
        '工作人员',
        '只填人数，不公开姓名',
      ),
      // Annual output of the companies in the station's buildings, in 万元.
      output: label(z.number().min(0, '不能为负数'), '年总产值（万元）', '所辖楼宇经济组织年总产值，单位万元'),
      // Party organisations formed through the station.
      partyOrganisations: label(count(), '党组织数', '通过工作站组建的党组织数量'),
      // Party members in the buildings.
      partyMembers: label(count(), '党员数', '楼宇内党员人数'),
      // Of them, mobile party members.
      mobilePartyMembers: label(count(), '流动党员数', '其中流动党员人数'),
      // Public contact of the station's office.
      contact: label(
        z.strictObject({
          // Office phone of the station.
          phone: label(text(), '办公电话', '工作站办公电话，不填个人手机'),
          // Street address of the office.
          address: label(text(), '地址', '工作站办公地址'),
          // Opening hours.
          hours: label(text(), '开放时间', '例如 周一至周五 9:00—17:30'),
          // QQ or WeChat group for companies in the building.
          group: label(optionalText(), 'QQ/微信群', '楼宇企业交流群号，可不填'),
        }),
        '联系方式',
        '工作站的公共联系方式',
      ),
      // Year the station was founded.
      founded: label(z.number().int().min(2000).max(2100).optional(), '建站年份', '例如 2009'),
      // Where the station is (WGS-84) and how to get there; checked against settings.bounds.
      location: label(location.optional(), '位置', '工作站的经纬度（WGS-84，即手机定位的坐标）和一句到达方式，可不填'),
    })
    .superRefine((s, ctx) => {
      s.buildings.forEach((b, i) => {
        if (b.employeesUnder35 > b.employees) {
          ctx.addIssue({ code: 'custom', path: ['buildings', i, 'employeesUnder35'], message: '35岁以下员工数不能多于从业人员数' });
        }
      });
      if (s.mobilePartyMembers > s.partyMembers) {
        ctx.addIssue({ code: 'custom', path: ['mobilePartyMembers'], message: '流动党员数不能多于党员数' });
      }
      if (s.staff.formerSecretaries + s.staff.socialWorkers > s.staff.fullTime) {
        ctx.addIssue({ code: 'custom', path: ['staff'], message: '社区书记与大学生社工之和不能多于专职人员数' });
      }
      const names = s.buildings.map((b) => b.name);
      if (new Set(names).size !== names.length) ctx.addIssue({ code: 'custom', path: ['buildings'], message: '楼宇名称重复' });
      if (new Set(s.services).size !== s.services.length) ctx.addIssue({ code: 'custom', path: ['services'], message: '服务职能重复' });
    });
}
