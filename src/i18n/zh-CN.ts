/**
 * Every string the site shows, in one flat dictionary grouped by area (`nav.*`, `a11y.*`, …).
 * Read through `t()` in `src/i18n/t.ts`; `{name}` placeholders are filled from its second argument.
 * Add keys inside your area's block; keep keys sorted within a block.
 */
export const zhCN = {
  // Site-wide chrome
  'site.skip': '跳到主要内容',
  'site.home': '首页',
  'site.breadcrumbs': '当前位置',
  'site.mainNav': '主导航',
  'site.menu': '栏目导航',
  'site.footerNav': '关于本站',
  'site.organiser': '主办单位：{name}',
  'site.contact': '联系电话：{phone}　地址：{address}　邮箱：{email}',
  'site.icp': '备案号：{icp}',
  'site.feed': '订阅',
  'site.updated': '更新于 {date}',
  'site.more': '更多',
  'site.backToTop': '回到顶部',

  // Navigation
  'nav.home': '首页',
  'nav.news': '动态',
  'nav.activities': '活动',
  'nav.theory': '理论',
  'nav.school': '网上党校',
  'nav.stations': '工作站',
  'nav.exchange': '经验交流',
  'nav.diary': '党建日记',
  'nav.stats': '数据',
  'nav.search': '搜索',

  // Stations and figures (stations.*, stats.*): add keys below this line
  'stations.title': '工作站',
  'stats.band.area.large': '1万平方米及以上',
  'stats.band.area.medium': '5000—9999平方米',
  'stats.band.area.small': '5000平方米以下',
  'stats.band.companies.large': '80家及以上',
  'stats.band.companies.medium': '40—79家',
  'stats.band.companies.small': '40家以下',
  'stats.band.employees.large': '1000人及以上',
  'stats.band.employees.medium': '500—999人',
  'stats.band.employees.small': '500人以下',
  'stats.band.output.large': '1亿元及以上',
  'stats.band.output.medium': '2000万—1亿元',
  'stats.band.output.small': '2000万元以下',

  // Header search box
  'search.label': '站内搜索',
  'search.placeholder': '搜索活动、课程、工作站',
  'search.submit': '搜索',

  // 适老化 toolbar
  'a11y.toolbar': '适老化辅助工具',
  'a11y.fontSize': '字号',
  'a11y.fontSize.normal': '标准',
  'a11y.fontSize.large': '大',
  'a11y.fontSize.xlarge': '特大',
  'a11y.contrast': '高对比度',
  'a11y.read': '朗读',
  'a11y.read.stop': '停止朗读',
  'a11y.reset': '恢复默认',
  'a11y.announce.fontSize': '字号已设为{size}',
  'a11y.announce.contrastOn': '已开启高对比度',
  'a11y.announce.contrastOff': '已关闭高对比度',
  'a11y.announce.reading': '开始朗读正文',
  'a11y.announce.stopped': '已停止朗读',
  'a11y.announce.reset': '已恢复默认显示',

  // Lists
  'list.empty': '暂无内容。',
  'list.count': '共 {count} 条',
  'list.pagination': '分页',
  'list.prev': '上一页',
  'list.next': '下一页',
  'list.page': '第 {page} 页',

  // Publishing (home.*, news.*, activities.*, theory.*, exchange.*, diary.*): add keys below this line
  'news.title': '动态',

  // Entry metadata
  'meta.published': '发布时间',
  'meta.station': '工作站',
  'meta.author': '作者',
  'meta.source': '来源',
  'meta.category': '栏目',
  'meta.tags': '标签',
  'meta.districtWide': '全区',

  // Online party school (school.*): add keys below this line
  'school.title': '网上党校',

  // 404
  'notFound.title': '页面不存在',
  'notFound.body': '您访问的页面不存在或已被移除。可以从首页重新进入，或使用站内搜索。',
  'notFound.home': '返回首页',
} as const;

export type MessageKey = keyof typeof zhCN;
