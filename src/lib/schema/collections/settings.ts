import { z } from 'astro/zod';
import { ICP_RE, PSB_RE, SITE_CODE_RE } from '../../site-ids.ts';
import { label, MAX_LENGTH, tooLong, text, mediaPath, bounds } from '../fields.ts';

/** The settings collection's schema. */
export function settingsSchema() {
  return z.strictObject({
    // The district's name as the report writes it.
    district: label(text(), '区名', '例如 XX区'),
    // Full site title shown in the header and the browser tab.
    title: label(text(), '网站名称', '页头和浏览器标签上显示的名称'),
    // Short name for the one-row header on phones; the full title when absent.
    shortTitle: label(
      z.string().trim().max(8, '不超过 8 个字').optional(),
      '网站简称',
      '手机等窄屏页头显示的简称，如 楼宇党建；不超过 8 个字，留空则显示网站名称',
    ),
    // One sentence describing the site, for search engines and link previews.
    description: label(text(MAX_LENGTH.sentence), '网站简介', '一句话介绍本站，用于搜索引擎和分享预览'),
    // The office that runs the site.
    organiser: label(text(), '主办单位', '页脚显示的主办单位'),
    // Public contact of the office (never a personal number).
    contact: label(
      z.strictObject({
        // Office phone.
        phone: label(text(), '办公电话', '单位办公电话，不填个人手机'),
        // Postal address.
        address: label(text(), '地址', '办公地址'),
        // Office e-mail.
        email: label(z.email('邮箱格式不正确').max(MAX_LENGTH.path, tooLong(MAX_LENGTH.path)), '电子邮箱', '单位公共邮箱'),
      }),
      '联系方式',
      '主办单位的公共联系方式',
    ),
    // ICP filing number shown in the footer (identifiers: src/lib/site-ids.ts).
    icp: label(text().regex(ICP_RE, '应写作 京ICP备12345678号 或 京ICP备12345678号-1'), 'ICP备案号', '页脚显示，如 京ICP备12345678号-1'),
    // Public security filing number (公安机关备案号); its number links to the record page.
    psb: label(text().regex(PSB_RE, '应写作 京公网安备 11010502012345号（14 位数字）'), '公安机关备案号', '页脚显示，如 京公网安备 11010502012345号'),
    // 网站标识码 assigned to government websites.
    siteCode: label(text().regex(SITE_CODE_RE, '应为 10 位数字或字母'), '网站标识码', '政府网站标识码，10 位，如 1101000001'),
    // The 网上咨询建言渠道 (互动回应, 国办秘函〔2019〕19号): a static site hosts none, so it links one —
    // the district portal's 留言 page (https://…) or a mailbox (mailto:…). Shown in the footer and on
    // the 联系我们 page; `npm run inspect` fails 互动回应差 while it is empty.
    consultation: label(
      z
        .string()
        .trim()
        .max(MAX_LENGTH.path, tooLong(MAX_LENGTH.path))
        .regex(/^(https:\/\/[^\s]+|mailto:[^\s@]+@[^\s@]+)$/, '应为 https:// 开头的留言页面网址，或 mailto: 开头的邮箱')
        .optional(),
      '网上咨询建言渠道',
      '区政府门户网站“留言”页面的网址（https://…），或接收咨询建言的邮箱（mailto:…）；留空时网站检查判为“互动回应差”',
    ),
    // The optional 党政机关网站标识 (a picture stored on this site, and the record page it opens).
    partyGovMark: label(
      z
        .strictObject({
          // The mark's picture, uploaded to this site (the CSP loads no picture from elsewhere).
          image: label(mediaPath(), '标识图片', '上传到本站的标识图片'),
          // The 党政机关网站 record page the mark opens.
          href: label(
            z.url({ protocol: /^https$/, error: '应为 https:// 开头的网址' }).max(MAX_LENGTH.path, tooLong(MAX_LENGTH.path)),
            '标识链接',
            '点击标识打开的开办资格查询页',
          ),
        })
        .optional(),
      '党政机关网站标识',
      '网站已获得党政机关网站标识时填写，否则留空',
    ),
    // Standard political phrasings and their known wrong forms; `npm run inspect` reports every wrong form in content.
    wording: label(
      z
        .array(
          z.strictObject({
            // The correct phrasing.
            correct: label(text(), '规范表述', '正确的写法'),
            // Known wrong forms of it.
            wrong: label(z.array(text()).min(1, '至少一种错误写法'), '错误写法', '常见的错误写法，每行一种'),
          }),
        )
        .default([]),
      '规范表述',
      '重要表述及其常见错误写法；网站检查会列出内容中每一处错误写法的文件和行号',
    ),
    // The one main colour of the site, as #rrggbb.
    mainColor: label(
      z
        .string()
        .max(7, '应写作 #rrggbb')
        .regex(/^#[0-9a-fA-F]{6}$/, '应写作 #rrggbb'),
      '主色',
      '网站主色，如 #b71c1c',
    ),
    // The district's bounding box (WGS-84); station locations must lie inside it.
    bounds: label(bounds.optional(), '辖区范围', '辖区的经纬度范围（WGS-84），工作站位置必须在此范围内'),
  });
}
