import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import { QualityBadge } from './QualityBadge.js';

describe('QualityBadge', () => {
  it('shows the level in words with the reasons as its tooltip, translatable, and nothing while unknown', async () => {
    const wrapper = mount(QualityBadge, { props: { level: 'warning', reasons: ['high-rtt', 'jitter'] } });
    expect(wrapper.text()).toBe('Fair');
    expect(wrapper.attributes('data-level')).toBe('warning');
    expect(wrapper.attributes('title')).toBe('high-rtt, jitter');
    expect(wrapper.attributes('style')).toContain('var(--smartc-quality-warning');
    await wrapper.setProps({
      level: 'good',
      reasons: [],
      labels: { good: 'Bonne', warning: 'Moyenne', bad: 'Mauvaise' },
    });
    expect(wrapper.text()).toBe('Bonne');
    expect(wrapper.attributes('title')).toBeUndefined();
    await wrapper.setProps({ level: null });
    expect(wrapper.find('.smartc-quality').exists()).toBe(false);
  });
});
